/**
 * `xxgk import`: converting a published report needs @xxgk/importer, which this version does not include.
 * The command exists so scripts get a clear answer (exit code 2) instead of "unknown command".
 */
import type { ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";

/** Runs `xxgk import`: always fails with exit code 2, saying why. */
export async function execute(_context: Context, { positionals }: ParsedArgs): Promise<number> {
  throw new CliError(
    "not-available",
    msg(
      `本版本的 xxgk 尚不能导入已发布的报告（${positionals[0]}）：导入器 @xxgk/importer 还未发布。请先用 xxgk init 新建报告 JSON 并手工填写。`,
      `this version of xxgk cannot import published reports yet (${positionals[0]}): the importer, @xxgk/importer, is not released. Create report JSON with xxgk init and fill it in by hand.`,
    ),
  );
}
