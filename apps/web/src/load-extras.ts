/**
 * Loads `extras.ts` on first use. In the built site it is a classic script added to the page (a page opened from a
 * file share, `file://`, may not fetch modules or use `import()` of files); in development it is a plain `import()`.
 */
import type * as ExtrasModule from "./extras.js";

/** The lazily loaded functions. */
export type Extras = typeof ExtrasModule;

declare global {
  interface Window {
    xxgkExtras?: Extras;
  }
}

/** Path of the extras script relative to the page (`index.html` sits at the top of the built folder). */
export const EXTRAS_SCRIPT = "assets/xxgk-extras.js";

let loading: Promise<Extras> | undefined;

export function loadExtras(): Promise<Extras> {
  if (import.meta.env.DEV) return import("./extras.js");
  loading ??= new Promise<Extras>((resolve, reject) => {
    if (window.xxgkExtras) {
      resolve(window.xxgkExtras);
      return;
    }
    const script = document.createElement("script");
    script.src = EXTRAS_SCRIPT;
    script.onload = () => (window.xxgkExtras ? resolve(window.xxgkExtras) : reject(new Error(`${EXTRAS_SCRIPT} loaded but defined nothing`)));
    script.onerror = () => reject(new Error(`cannot load ${EXTRAS_SCRIPT}`));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
