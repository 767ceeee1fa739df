/**
 * The end-to-end harness: builds the editor, serves the built folder from a tiny static server on 127.0.0.1 (a
 * random port), and starts Debian's Chromium through playwright-core. No network: the page is local, and Chromium
 * runs with a fresh profile and its background traffic switched off.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";

export const APP_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(APP_ROOT, "dist");
export const CHROMIUM = process.env.XXGK_CHROMIUM ?? "/usr/bin/chromium";

/** Builds the editor (vite, both halves) so the test runs against the current source. */
export function buildApp(): void {
  // vitest sets NODE_ENV=test, which would make Vite build a development bundle: build for production explicitly.
  const env = { ...process.env, NODE_ENV: "production" };
  execFileSync("npm", ["run", "build", "--silent"], { cwd: APP_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`the build wrote no ${join(DIST, "index.html")}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serves a folder read-only; resolves to the server and its base URL. */
export async function serve(root: string): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Chromium flags for a closed network: no sandbox (CI runs as root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A browser with a fresh profile folder; `close` removes it. Throws, saying why, when Chromium cannot start. */
export async function startBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser for the end-to-end tests: ${CHROMIUM} does not exist. Install Debian's chromium package ` +
        "(apt-get update && apt-get install -y --no-install-recommends chromium; .ci/run does this) or set XXGK_CHROMIUM.",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "xxgk-web-e2e-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
      locale: "zh-CN",
      timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Chromium (${CHROMIUM}) could not be started for the end-to-end tests: ${reason}`);
  }
}
