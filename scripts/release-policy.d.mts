import type { Plugin } from "esbuild";

/**
 * The esbuild plugin that enforces "bundled and not declared, or declared and not bundled" for the package in
 * `packageDir` and writes its dist/THIRD_PARTY_NOTICES.md. See release-policy.mjs.
 */
export declare function releasePolicy(packageDir: string): Plugin;
