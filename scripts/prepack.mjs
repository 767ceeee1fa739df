#!/usr/bin/env node
// `prepack` of every published package (npm runs it for `npm pack` and `npm publish`, so for `changeset publish`):
//   1. builds the package and the workspace packages it depends on (turbo: a cache hit when `npm run release` has
//      just built them; a full build in a fresh clone, so a tarball never ships without dist/ or with a stale version),
//   2. checks the tarball: `npm run check:package` (publint --strict, attw, LICENSE/notices/CHANGELOG present).
// changeset publish packs several packages at once. Concurrent turbo runs would restore the same cached outputs
// (schema's dist/ for every dependent) over each other while another reads them, so step 1 holds a lock
// (node_modules/.cache/xxgk-prepack.lock at the repository root); the checks run in parallel.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cwd = process.cwd();
const { name } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
const lock = join(root, "node_modules", ".cache", "xxgk-prepack.lock");
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function acquire() {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let holder;
      try {
        holder = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        holder = undefined; // being created or removed right now
      }
      if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      if (Date.now() > deadline) throw new Error(`${name} prepack: waited 15 minutes for ${lock}`);
      sleep(200);
    }
  }
}

acquire();
try {
  execFileSync(join(root, "node_modules", ".bin", "turbo"), ["run", "build", `--filter=${name}...`, "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
} finally {
  rmSync(lock, { recursive: true, force: true });
}
execFileSync("npm", ["run", "check:package"], { cwd, stdio: "inherit" });
