// The packaging rule of every published @xxgk package, enforced by its build (an esbuild plugin for tsup), and the
// third-party notices of what the build bundled, generated from the bundled packages' own licence files.
//
// The rule: a dependency is stated exactly once.
//   - BUNDLED: its code is copied into dist/ by the build. Then it is NOT in `dependencies` or `peerDependencies`
//     (a devDependency, pinned exactly), its licence text goes into dist/THIRD_PARTY_NOTICES.md, and installing the
//     package does not download it a second time.
//   - DECLARED: dist/ imports it at run time. Then it IS in `dependencies` (caret range) or `peerDependencies`, and the
//     build leaves it external.
// The build fails on a package that is both (bundled and declared: installed twice, and a consumer on another
// version gets a second copy) or neither (imported at run time but not declared: "Cannot find module" for a user).
//
// Which packages are bundled is read from esbuild's metafile (the exact inputs of each bundle), not kept by hand; the
// licence text, licence name and repository of each come from license-checker-rseidelsohn reading the installed
// package's folder. A bundled package without a licence file stops the build.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ownRoots = ["packages", "apps"].map((folder) => join(repoRoot, folder) + sep);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Licence facts of one installed package (folder → promise), read by license-checker-rseidelsohn from that folder. */
const licenceCache = new Map();
function licenceOf(owner) {
  if (!licenceCache.has(owner.dir)) {
    licenceCache.set(
      owner.dir,
      import("license-checker-rseidelsohn").then(
        (checker) =>
          new Promise((resolvePromise, reject) => {
            checker.init(
              {
                start: owner.dir,
                depth: 0,
                customFormat: { name: "", version: "", licenses: "", repository: "", licenseFile: "", licenseText: "" },
              },
              (error, modules) => (error ? reject(error) : resolvePromise(modules[`${owner.name}@${owner.version}`])),
            );
          }),
      ),
    );
  }
  return licenceCache.get(owner.dir);
}

const packageRootCache = new Map();
/** The folder of the package a bundled file belongs to: the nearest package.json that has a name and a version. */
function packageRootOf(file) {
  let dir = dirname(file);
  const seen = [];
  while (dir !== dirname(dir)) {
    if (packageRootCache.has(dir)) break;
    seen.push(dir);
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8"));
      if (typeof json.name === "string" && typeof json.version === "string") {
        packageRootCache.set(dir, { dir, name: json.name, version: json.version });
        break;
      }
    }
    dir = dirname(dir);
  }
  const found = packageRootCache.get(dir);
  for (const d of seen) packageRootCache.set(d, found);
  return found;
}

/**
 * Packages inlined in an already-bundled file (docx's dist inlines fflate and nanoid; our renderer's dist inlines
 * docx), read from the `// node_modules/<name>/<file>` path comments that esbuild and Vite write into unminified
 * bundles, recursively through the files those comments name.
 */
function inlinedPackages(file, owner, visited = new Set()) {
  if (visited.has(file)) return [];
  visited.add(file);
  const found = [];
  const pattern = /^\/\/ (?:\S*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\/(\S+)$/gm;
  const seen = new Set();
  for (const [, name, subpath] of readFileSync(file, "utf8").matchAll(pattern)) {
    if (name === owner.name || seen.has(`${name}/${subpath}`)) continue;
    seen.add(`${name}/${subpath}`);
    // Where Node would find it from the bundling package: its own node_modules, then each parent's.
    let dir = owner.dir;
    let located;
    while (!located && dir !== dirname(dir)) {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) located = packageRootOf(join(candidate, "package.json"));
      dir = dirname(dir);
    }
    if (!located) throw new Error(`${owner.name} inlines ${name}, which is not installed: its licence cannot be read`);
    found.push(located);
    const inner = join(located.dir, subpath);
    if (existsSync(inner)) found.push(...inlinedPackages(inner, located, visited));
  }
  return found;
}

const packageNameOf = (specifier) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];

/** Bundled third-party packages of each package folder, over every build (format, entry group) of one tsup run. */
const bundledByPackage = new Map();

/**
 * The esbuild plugin. `packageDir` is the folder of the package being built (its package.json states the rule's
 * `dependencies` and `peerDependencies`).
 */
export function releasePolicy(packageDir) {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const ownDir = realpathSync(packageDir);
  if (!bundledByPackage.has(ownDir)) bundledByPackage.set(ownDir, new Map());
  const bundled = bundledByPackage.get(ownDir);

  return {
    name: "xxgk-release-policy",
    setup(build) {
      build.initialOptions.metafile = true;
      const workingDir = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onEnd(async (result) => {
        if (result.errors.length > 0 || !result.metafile) return;
        const errors = [];
        const here = new Map();
        for (const input of Object.keys(result.metafile.inputs)) {
          if (/^[\w-]+:/.test(input) && !input.startsWith("file:")) continue; // virtual modules (xxgk-embedded:…)
          const file = realpathSync(resolve(workingDir, input));
          const owner = packageRootOf(file);
          if (!owner || owner.dir === ownDir) continue;
          if (declared.has(owner.name)) {
            errors.push(
              `${owner.name} is bundled into dist/ and also declared in package.json: remove it from "dependencies"/"peerDependencies" ` +
                `(keep it as an exact devDependency) or mark it external`,
            );
          }
          const ours = ownRoots.some((root) => owner.dir.startsWith(root)) && !owner.dir.includes(`${sep}node_modules${sep}`);
          if (!ours) here.set(`${owner.name}@${owner.version}`, owner);
          // A file that is itself a bundle (docx's dist, or the dist of one of our packages) names the packages it
          // inlined in esbuild's path comments; their licences are owed too.
          for (const inlined of inlinedPackages(file, owner)) here.set(`${inlined.name}@${inlined.version}`, inlined);
        }
        for (const output of Object.values(result.metafile.outputs)) {
          for (const imported of output.imports) {
            if (!imported.external) continue;
            const path = imported.path;
            if (path.startsWith(".") || path.startsWith("/") || builtins.has(path)) continue;
            const name = packageNameOf(path);
            if (!declared.has(name)) {
              errors.push(`dist/ imports ${path} at run time but package.json does not declare ${name}: declare it or bundle it`);
            }
          }
        }
        if (errors.length > 0) {
          return { errors: [...new Set(errors)].map((text) => ({ text: `${manifest.name}: ${text}` })) };
        }
        for (const [key, owner] of here) bundled.set(key, owner);
        if (bundled.size === 0) return;
        const keys = [...bundled.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const infos = await Promise.all(keys.map((key) => licenceOf(bundled.get(key))));
        const missing = [];
        const sections = keys.map((key, index) => {
          const info = infos[index];
          if (!info?.licenseText) {
            missing.push(key);
            return "";
          }
          const repository = info.repository ? `\n\n${info.repository}` : "";
          const text = info.licenseText.replace(/\r\n?/g, "\n").trim();
          return `## ${key}\n\nLicence: ${info.licenses}${repository}\n\n${"````"}text\n${text}\n${"````"}\n`;
        });
        if (missing.length > 0) {
          return {
            errors: [
              {
                text:
                  `${manifest.name}: no licence file found for the bundled ${missing.join(", ")}; ` +
                  `its notice cannot be generated (check the package, or do not bundle it)`,
              },
            ],
          };
        }
        const header =
          `# Third-party notices for ${manifest.name}\n\n` +
          `The files in dist/ contain code from the ${bundled.size} packages below, bundled by the build. Each is listed ` +
          `with its version, its licence and the licence text from its own package. The rest of ${manifest.name} is ` +
          `under the MIT licence in LICENSE.\n\n` +
          `Generated at build time by scripts/release-policy.mjs (esbuild metafile + license-checker-rseidelsohn); ` +
          `do not edit.\n\n`;
        const outDir = join(packageDir, "dist");
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, "THIRD_PARTY_NOTICES.md"), header + sections.join("\n"));
        return undefined;
      });
    },
  };
}
