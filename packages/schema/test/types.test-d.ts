import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { Report, ReportSchema, Report2021, Report2019 } from "../src/index.js";
import type { Report2021 as Generated2021 } from "./generated/report-2021.js";
import type { Report2019 as Generated2019 } from "./generated/report-2019.js";

// What a code generator in another language sees: one type per edition file, dispatched on `edition`.
type GeneratedReport = Generated2021 | Generated2019;

test("the TypeScript generated from the per-edition JSON Schemas equals the zod input type", () => {
  expectTypeOf<GeneratedReport>().toEqualTypeOf<z.input<typeof ReportSchema>>();
  expectTypeOf<GeneratedReport>().toEqualTypeOf<Report>();
});

test("each edition of the generated type equals the edition's report type", () => {
  expectTypeOf<Generated2021>().toEqualTypeOf<Report2021>();
  expectTypeOf<Generated2019>().toEqualTypeOf<Report2019>();
});
