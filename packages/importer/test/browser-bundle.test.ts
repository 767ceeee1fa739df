// The importer's entry must bundle for the browser (the web editor opens published reports with it): no Node
// built-in anywhere in its import graph, the schema and validators included.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("the browser bundle", () => {
  it("bundles src/index.ts for the browser without Node built-ins", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      external: ["zod"],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:/u);
    expect(code).not.toMatch(/require\(["'](fs|path|os|node:)/u);
  });
});
