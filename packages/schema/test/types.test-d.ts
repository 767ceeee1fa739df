import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { Report, ReportSchema, Report2021, Report2019 } from "../src/index.js";
import type { XxgkReport } from "./generated/report-from-json-schema.js";

test("the TypeScript generated from the JSON Schema equals the zod input type", () => {
  expectTypeOf<XxgkReport>().toEqualTypeOf<z.input<typeof ReportSchema>>();
  expectTypeOf<XxgkReport>().toEqualTypeOf<Report>();
});

test("each edition of the generated type equals the edition's report type", () => {
  expectTypeOf<Extract<XxgkReport, { edition: "2021" }>>().toEqualTypeOf<Report2021>();
  expectTypeOf<Extract<XxgkReport, { edition: "2019" }>>().toEqualTypeOf<Report2019>();
});
