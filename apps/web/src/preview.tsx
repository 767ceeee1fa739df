/** The preview: the report as the published page shows it, rendered by @xxgk/renderer with the findings marked. */
import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { Report } from "@xxgk/schema/layout";
import type { CheckResult } from "./checking.js";
import type { Lang } from "./i18n.js";
import { REPORT_CSS, renderHtml } from "./renderer.js";

export function Preview(props: { report: Report; check: CheckResult; lang: Lang }): JSX.Element {
  const html = useMemo(
    () => renderHtml(props.report, { fragment: true, diagnostics: props.check.findings, lang: props.lang, idPrefix: "preview" }),
    [props.report, props.check, props.lang],
  );
  return (
    <div class="preview print-area">
      <style>{REPORT_CSS}</style>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
