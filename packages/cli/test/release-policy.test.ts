/**
 * The packaging rule every build enforces (scripts/release-policy.mjs): a dependency is bundled and not declared, or
 * declared and not bundled; and the third-party notices it writes come from the bundled packages' own licence files.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, describe, expect, it } from "vitest";
import { JSON_SCHEMA_BASE } from "@xxgk/schema/layout";
import { releasePolicy } from "../../../scripts/release-policy.mjs";
import { DIST, requireBuild } from "./helpers.js";

const ROOT_MODULES = fileURLToPath(new URL("../../../node_modules/", import.meta.url));
const installed = (name: string) =>
  JSON.parse(readFileSync(join(ROOT_MODULES, name, "package.json"), "utf8")) as { version: string };

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package folder with a package.json and one entry file. */
function fixture(manifest: Record<string, unknown>, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xxgk-policy-"));
  folders.push(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fixture", version: "1.0.0", ...manifest }));
  writeFileSync(join(dir, "entry.js"), source);
  return dir;
}

const bundle = (dir: string, external: string[] = []) =>
  build({
    entryPoints: [join(dir, "entry.js")],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    absWorkingDir: dir,
    nodePaths: [ROOT_MODULES],
    external,
    logLevel: "silent",
    plugins: [releasePolicy(dir)],
  });

const notices = (dir: string) => readFileSync(join(dir, "dist", "THIRD_PARTY_NOTICES.md"), "utf8");

describe("the build's dependency rule", () => {
  it("fails when a package is bundled and also declared", async () => {
    const dir = fixture({ dependencies: { picocolors: "^1.1.1" } }, `import pc from "picocolors"; console.log(pc.red("x"));`);
    await expect(bundle(dir)).rejects.toThrow(/fixture: picocolors is bundled into dist\/ and also declared in package\.json/);
    expect(existsSync(join(dir, "dist", "THIRD_PARTY_NOTICES.md"))).toBe(false);
  });

  it("fails when dist/ imports a package at run time that package.json does not declare", async () => {
    const dir = fixture({}, `import pc from "picocolors/picocolors.js"; console.log(pc.red("x"));`);
    await expect(bundle(dir, ["picocolors/*", "picocolors"])).rejects.toThrow(
      /imports picocolors\/picocolors\.js at run time but package\.json does not declare picocolors/,
    );
  });

  it("accepts a declared external and Node built-ins, and writes no notices when nothing is bundled", async () => {
    const dir = fixture(
      { peerDependencies: { zod: "^4.6.0" } },
      `import { z } from "zod"; import { readFileSync } from "node:fs"; import path from "path"; console.log(z, readFileSync, path);`,
    );
    await bundle(dir, ["zod"]);
    expect(existsSync(join(dir, "dist", "THIRD_PARTY_NOTICES.md"))).toBe(false);
  });

  it("credits each bundled package with its installed version and the text of its own licence file", async () => {
    const dir = fixture({ devDependencies: { picocolors: "1.1.1" } }, `import pc from "picocolors"; console.log(pc.red("x"));`);
    await bundle(dir);
    const text = notices(dir);
    expect(text).toContain(`## picocolors@${installed("picocolors").version}\n\nLicence: ISC`);
    expect(text).toContain(readFileSync(join(ROOT_MODULES, "picocolors", "LICENSE"), "utf8").trim());
  });

  it("credits the packages a pre-bundled dependency inlined (docx inlines fflate and nanoid)", async () => {
    const dir = fixture({}, `import { Document } from "docx"; console.log(Document);`);
    await bundle(dir);
    const headings = notices(dir).match(/^## .+$/gm);
    expect(headings).toEqual(expect.arrayContaining([expect.stringMatching(/^## docx@/), expect.stringMatching(/^## fflate@/), expect.stringMatching(/^## nanoid@/)]));
  });
});

describe("the @xxgk/cli package", () => {
  it("declares only @xxgk/importer (PDF.js inside it), which it loads on demand and never bundles", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as Record<string, unknown>;
    expect(Object.keys((manifest.dependencies ?? {}) as object)).toEqual(["@xxgk/importer"]);
    expect(manifest.peerDependencies).toBeUndefined();
    requireBuild();
    const lazyImporter = readFileSync(join(DIST, "lazy", "importer.js"), "utf8");
    expect(lazyImporter).toMatch(/from\s*"@xxgk\/importer"/);
    const files = readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((file) => /\.(c?js)$/.test(file));
    // PDF.js (its GlobalWorkerOptions) must not be in any of the CLI's own files.
    expect(files.filter((file) => readFileSync(join(DIST, file), "utf8").includes("GlobalWorkerOptions"))).toEqual([]);
  });

  it("ships notices for what it bundles, from zod to docx's inlined fflate", () => {
    requireBuild();
    const text = readFileSync(join(DIST, "THIRD_PARTY_NOTICES.md"), "utf8");
    for (const name of ["zod", "docx", "fflate", "nanoid", "iconv-lite", "safer-buffer", "picocolors", "string-width"]) {
      expect(text).toMatch(new RegExp(`^## ${name}@\\d`, "m"));
    }
    expect(text).toContain(`## zod@${installed("zod").version}`);
    expect(text).not.toMatch(/^## @xxgk\//m);
  });

  it("ships each JSON Schema once, in the module that only `xxgk schema` loads", () => {
    requireBuild();
    const files = readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((file) => /\.(c?js)$/.test(file));
    for (const edition of ["report", "report-2021", "report-2019"]) {
      const marker = `"$id": "${JSON_SCHEMA_BASE}${edition}.schema.json"`;
      const holders = files.filter((file) => readFileSync(join(DIST, file), "utf8").includes(marker));
      expect(holders).toEqual([join("lazy", "schemas.js")]);
    }
  });
});
