import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

describe("the readers in a browser", () => {
  it("bundle for the browser without importing any Node built-in", async () => {
    const imported: string[] = [];
    const watchBuiltins: Plugin = {
      name: "watch-node-builtins",
      setup(context) {
        // esbuild takes Go regular expressions: no flags.
        context.onResolve({ filter: /.*/ }, (args) => {
          if (NODE_BUILTINS.has(args.path)) imported.push(`${args.path} (from ${args.importer})`);
          return undefined;
        });
      },
    };
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      splitting: true,
      outdir: "out",
      logLevel: "silent",
      metafile: true,
      plugins: [watchBuiltins],
    });
    expect(result.errors).toEqual([]);
    expect(imported).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    // The PDF reader's engine is in the bundle (loaded on first use), so the bundle really holds every reader.
    expect(inputs.some((input) => input.includes("unpdf"))).toBe(true);
    expect(inputs.some((input) => input.includes("htmlparser2"))).toBe(true);
    expect(inputs.some((input) => input.includes("fflate"))).toBe(true);
  });
});
