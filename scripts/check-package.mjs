#!/usr/bin/env node
// Checks the tarball of the package in the current folder exactly as it would be published:
//   publint --strict (it packs with --ignore-scripts itself), then `npm pack --ignore-scripts` and attw on that file.
// `attw --pack` cannot be used here: it runs `npm pack` WITH scripts, and this check runs inside `prepack`, so it would
// call itself forever. Every package's `check:package` script runs this file; `prepack` runs `check:package`.
//
// Besides publint and attw it asserts what a legal and an install review need from every tarball:
//   LICENSE, README.md and dist/ are in it; THIRD_PARTY_NOTICES.md is in it whenever the build bundled third-party code;
//   CHANGELOG.md is in it once `changeset version` has written one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
const bin = (name) => join(import.meta.dirname, "..", "node_modules", ".bin", name);
const run = (file, args, options = {}) => execFileSync(file, args, { cwd, stdio: "inherit", ...options });

run(bin("publint"), ["--strict"]);

const dir = mkdtempSync(join(tmpdir(), "xxgk-pack-"));
try {
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [info] = JSON.parse(out);
  const files = new Set(info.files.map((f) => f.path));
  const missing = [];
  for (const required of ["LICENSE", "README.md", "package.json"]) if (!files.has(required)) missing.push(required);
  if (![...files].some((f) => f.startsWith("dist/"))) missing.push("dist/ (run the build first)");
  if (existsSync(join(cwd, "THIRD_PARTY_NOTICES.md")) && !files.has("THIRD_PARTY_NOTICES.md")) missing.push("THIRD_PARTY_NOTICES.md");
  if (existsSync(join(cwd, "CHANGELOG.md")) && !files.has("CHANGELOG.md")) missing.push("CHANGELOG.md");
  if (missing.length > 0) {
    console.error(`${pkg.name}: the tarball lacks ${missing.join(", ")}`);
    process.exit(1);
  }
  run(bin("attw"), [join(dir, info.filename)]);
  console.log(`${pkg.name}@${pkg.version}: ${info.entryCount} files, ${info.size} bytes packed, ${info.unpackedSize} unpacked`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
