import { fileURLToPath } from "node:url";
import { readdirSync, existsSync } from "node:fs";
import { defineConfig } from "vitest/config";

// One vitest project per workspace package that has tests. Each project gets an absolute root,
// so running vitest from inside a package folder still finds its tests.
const folders = ["packages", "apps", "bench"].flatMap((top) => {
  const base = fileURLToPath(new URL(`./${top}/`, import.meta.url));
  if (!existsSync(base)) return [];
  if (top === "bench") return [{ name: "bench", root: base }];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: `${top}/${entry.name}`, root: `${base}${entry.name}` }));
});

export default defineConfig({
  test: {
    projects: folders.map(({ name, root }) => ({
      test: {
        name,
        root,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        typecheck: { enabled: true, include: ["**/*.test-d.ts"], tsconfig: `${root}/tsconfig.json` },
        testTimeout: 60_000,
        // Suites that import the whole corpus (PDFs included) once in beforeAll: on a loaded 2-core machine that
        // takes longer than the default 10 s.
        hookTimeout: 120_000,
      },
    })),
  },
});
