// Loads the built CommonJS entry the way a require() user does and renders every format once: catches ESM-only
// dependencies that the CJS build cannot call. Run by `npm run check:package` after the build.
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const renderer = require("../dist/index.cjs");

// The renderer uses only @xxgk/schema/layout: loading it must not load zod (447 KB of a browser bundle), and docx is
// bundled into dist/, not loaded from node_modules.
const loaded = Object.keys(require.cache);
assert.deepEqual(loaded.filter((file) => /[\\/]node_modules[\\/](zod|docx)[\\/]/.test(file)), [], "zod or docx loaded from node_modules");

const report = JSON.parse(readFileSync(path.join(__dirname, "../../../examples/2023-shizuishan-shangwuju.json"), "utf8"));
assert.match(renderer.renderHtml(report), /^<!DOCTYPE html>/);
assert.match(renderer.renderMarkdown(report), /^# /);
assert.match(renderer.renderText(report), /\n={2,}\n/);
renderer.renderDocx(report).then((bytes) => {
  assert.equal(Buffer.from(bytes.subarray(0, 2)).toString("latin1"), "PK");
  console.log("CommonJS build renders HTML, Markdown, text and DOCX");
});
