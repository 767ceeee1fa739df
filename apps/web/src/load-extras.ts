/**
 * Loads the parts of the editor that are needed only sometimes, on first use: `extras.ts` (DOCX writer, zod) and
 * `importer-extras.ts` (@xxgk/importer with PDF.js). In the built site each is a classic script added to the page (a
 * page opened from a file share, `file://`, may not fetch modules or use `import()` of files); in development each is
 * a plain `import()`.
 */
import type * as ExtrasModule from "./extras.js";
import type * as ImporterModule from "./importer-extras.js";

/** The lazily loaded functions. */
export type Extras = typeof ExtrasModule;
/** The importer, loaded when a published report is first opened. */
export type Importer = typeof ImporterModule;

declare global {
  interface Window {
    xxgkExtras?: Extras;
    xxgkImporter?: Importer;
  }
}

/** Path of the extras script relative to the page (`index.html` sits at the top of the built folder). */
export const EXTRAS_SCRIPT = "assets/xxgk-extras.js";
/** Path of the importer script relative to the page. */
export const IMPORTER_SCRIPT = "assets/xxgk-importer.js";

const loading = new Map<string, Promise<unknown>>();

/** Adds the classic script `src` once; resolves with what it defined on `window[globalName]`. */
function loadScript<T>(src: string, globalName: "xxgkExtras" | "xxgkImporter"): Promise<T> {
  const pending = loading.get(src);
  if (pending) return pending as Promise<T>;
  const promise = new Promise<T>((resolve, reject) => {
    const defined = () => window[globalName] as T | undefined;
    if (defined()) {
      resolve(defined()!);
      return;
    }
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => (defined() ? resolve(defined()!) : reject(new Error(`${src} loaded but defined nothing`)));
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading.delete(src);
    throw error;
  });
  loading.set(src, promise);
  return promise;
}

export function loadExtras(): Promise<Extras> {
  if (import.meta.env.DEV) return import("./extras.js");
  return loadScript<Extras>(EXTRAS_SCRIPT, "xxgkExtras");
}

export function loadImporter(): Promise<Importer> {
  if (import.meta.env.DEV) return import("./importer-extras.js");
  return loadScript<Importer>(IMPORTER_SCRIPT, "xxgkImporter");
}
