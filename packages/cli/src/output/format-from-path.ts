/**
 * The output format of `-o file` from its extension: `render in.json -o r.docx` writes DOCX without `--to docx`,
 * and `--to html -o r.docx` (a format that contradicts the extension) is refused instead of writing HTML into a
 * file every program will open as Word.
 */
import { usageError } from "../args.js";

/** What a command knows about extensions: the format each one means, and those it cannot write (with a hint). */
export interface ExtensionTable<F extends string> {
  /** Extension (lower case, with the dot; may have two parts such as `.sarif.json`) → format. */
  formats: Readonly<Record<string, F>>;
  /** Extensions the command cannot write → why, and what to do instead. */
  refused?: Readonly<Record<string, { zh: string; en: string }>>;
}

/** The extension of a file name as a key of the table: the longest suffix it knows (`.sarif.json` before `.json`). */
function extensionOf(path: string, known: readonly string[]): string | undefined {
  const name = path.toLowerCase().replace(/^.*[\\/]/, "");
  let best: string | undefined;
  for (const extension of known) {
    if (name.endsWith(extension) && name.length > extension.length && (!best || extension.length > best.length)) best = extension;
  }
  return best;
}

/**
 * The format to write: `given` (`--to`/`--format`) if any, else the one the `-o` extension names, else `fallback`.
 * Throws a usage error when `given` contradicts the extension or the extension is one the command cannot write.
 */
export function outputFormat<F extends string>(options: {
  command: string;
  option: "--to" | "--format";
  output: string | undefined;
  given: F | undefined;
  fallback: F;
  table: ExtensionTable<F>;
}): F {
  const { command, option, output, given, fallback, table } = options;
  if (output === undefined || output === "-") return given ?? fallback;
  const extension = extensionOf(output, [...Object.keys(table.formats), ...Object.keys(table.refused ?? {})]);
  if (extension === undefined) return given ?? fallback;
  const refused = table.refused?.[extension];
  if (refused) {
    throw usageError(`-o ${output}：${refused.zh}`, `-o ${output}: ${refused.en}`, command);
  }
  const implied = table.formats[extension]!;
  if (given !== undefined && given !== implied) {
    throw usageError(
      `-o ${output} 的扩展名 ${extension} 表示 ${implied} 格式，与 ${option} ${given} 矛盾；去掉 ${option}，或换一个与格式相符的扩展名`,
      `-o ${output}: the extension ${extension} means ${implied}, which contradicts ${option} ${given}; drop ${option} or use an extension that matches the format`,
      command,
    );
  }
  return implied;
}

/** `xxgk render`. */
export const RENDER_EXTENSIONS: ExtensionTable<"html" | "docx" | "md" | "txt"> = {
  formats: { ".html": "html", ".htm": "html", ".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt" },
  refused: Object.fromEntries(
    [".pdf", ".doc", ".rtf", ".odt", ".wps"].map((extension) => [
      extension,
      {
        zh: `xxgk render 不能写 ${extension} 文件，可写 .html、.docx、.md、.txt（PDF 可由 Word 打开 DOCX 后另存，或在浏览器中打印 HTML）`,
        en: `xxgk render cannot write ${extension} files; it writes .html, .docx, .md or .txt (for a PDF, save the DOCX from Word or print the HTML)`,
      },
    ]),
  ),
};

/** `xxgk validate`. */
export const VALIDATE_EXTENSIONS: ExtensionTable<"pretty" | "json" | "ndjson" | "sarif" | "csv"> = {
  formats: { ".txt": "pretty", ".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson", ".sarif": "sarif", ".sarif.json": "sarif", ".csv": "csv" },
};

/** `xxgk export`. */
export const EXPORT_EXTENSIONS: ExtensionTable<"csv" | "ndjson" | "parquet"> = {
  formats: { ".csv": "csv", ".ndjson": "ndjson", ".jsonl": "ndjson", ".parquet": "parquet" },
  refused: {
    ".json": {
      zh: "xxgk export 写 CSV 或 NDJSON（每行一个 JSON 对象，整体不是一个 JSON 文档）；请用 .csv 或 .ndjson 作扩展名",
      en: "xxgk export writes CSV or NDJSON (one JSON object per line, not one JSON document); name the file .csv or .ndjson",
    },
    ".xlsx": {
      zh: "xxgk export 写 CSV（Excel 可直接打开），不写 .xlsx；请用 .csv 作扩展名",
      en: "xxgk export writes CSV (Excel opens it), not .xlsx; name the file .csv",
    },
    ".xls": {
      zh: "xxgk export 写 CSV（Excel 可直接打开），不写 .xls；请用 .csv 作扩展名",
      en: "xxgk export writes CSV (Excel opens it), not .xls; name the file .csv",
    },
  },
};
