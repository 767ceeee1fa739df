/**
 * `xxgk schema`: the committed JSON Schema of @xxgk/schema, embedded at build time.
 */
import { flag, stringOption, type ParsedArgs } from "../args.js";
import { printError, type Context } from "../context.js";
import { schemaText } from "../embedded-schemas.js";
import { EXIT } from "../errors.js";
import { msg, pick } from "../i18n.js";
import { openSink } from "../output/sink.js";

/** File names of @xxgk/schema's JSON Schemas (kept equal to its JSON_SCHEMA_FILES by a test). */
export const SCHEMA_FILES = { any: "report.schema.json", "2021": "report-2021.schema.json", "2019": "report-2019.schema.json" } as const;

/** Runs `xxgk schema`. */
export async function execute(context: Context, { values }: ParsedArgs): Promise<number> {
  const edition = stringOption(values, "edition") as "2021" | "2019" | undefined;
  const file = SCHEMA_FILES[edition ?? "any"];
  const output = stringOption(values, "output");
  const sink = openSink(context, output, { force: flag(values, "force"), inputs: [] });
  sink.write(await schemaText(file));
  sink.commit();
  if (!sink.toStdout) printError(context, pick(msg(`已写入 ${output}（${file}）`, `wrote ${output} (${file})`), context.lang));
  return EXIT.ok;
}
