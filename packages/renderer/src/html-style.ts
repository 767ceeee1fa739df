/**
 * The stylesheet of the rendered report: screen and A4 print in the style of GB/T 9704 (党政机关公文格式):
 * title in 小标宋 (二号), body in 仿宋 (三号), first-level headings in 黑体, second-level in 楷体,
 * 版心 156 mm × 225 mm, page number “— 1 —” at the foot. Every font stack degrades to fonts found on
 * Windows, macOS and Linux (Noto/Source Han) and finally to the generic family.
 */

/** Font stacks, most specific first. */
export const FONT_STACKS = {
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif`,
  body: `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif`,
  heading: `"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`,
  part: `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  table: `"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
} as const;

/**
 * The stylesheet of the rendered report, scoped to `.xxgk-report` and `.xxgk-findings` so a fragment can be
 * embedded in another page next to this CSS.
 */
export const REPORT_CSS = `
.xxgk-report{font-family:${FONT_STACKS.body};font-size:16pt;line-height:1.75;color:#000;background:#fff;max-width:210mm;margin:0 auto;padding:24px 32px;box-sizing:border-box}
.xxgk-report h1{font-family:${FONT_STACKS.title};font-size:22pt;font-weight:700;line-height:1.4;text-align:center;margin:0.5em 0 1em}
.xxgk-report h2{font-family:${FONT_STACKS.heading};font-size:16pt;font-weight:400;margin:0.6em 0 0.3em;text-indent:2em}
.xxgk-report h3{font-family:${FONT_STACKS.part};font-size:16pt;font-weight:400;margin:0.3em 0;text-indent:2em}
.xxgk-report p{margin:0;text-indent:2em;text-align:justify;overflow-wrap:anywhere;white-space:pre-line}
.xxgk-report .xxgk-signature{margin-top:2em;text-align:right;padding-right:4em}
.xxgk-report .xxgk-signature p{text-indent:0;text-align:right}
.xxgk-report table{border-collapse:collapse;width:100%;margin:0.5em 0 1em;font-family:${FONT_STACKS.table};font-size:10.5pt;line-height:1.4;table-layout:fixed}
.xxgk-report caption{caption-side:top;font-family:${FONT_STACKS.heading};font-size:12pt;padding:0.2em 0;text-align:center}
.xxgk-report th,.xxgk-report td{border:1px solid #000;padding:3px 4px;vertical-align:middle;overflow-wrap:anywhere}
.xxgk-report th{font-weight:400;text-align:center}
.xxgk-report th.xxgk-row{text-align:left}
.xxgk-report th.xxgk-caption,.xxgk-report th.xxgk-column-group{font-weight:700}
.xxgk-report th.xxgk-caption{background:#f2f2f2}
.xxgk-report th.xxgk-note{font-size:9pt;text-align:left}
.xxgk-report td{text-align:center;font-variant-numeric:tabular-nums}
.xxgk-report td.xxgk-blank{background:repeating-linear-gradient(135deg,#fff 0 6px,#f4f4f4 6px 8px)}
.xxgk-report td.xxgk-unreadable{background:#fff4d6;color:#8a5a00;font-weight:700;outline:1px dashed #c98a00;outline-offset:-3px}
.xxgk-report td.xxgk-inferred{text-decoration:underline dotted #6a6a6a}
.xxgk-report .xxgk-t2 col.xxgk-label{width:34%}
.xxgk-report .xxgk-t3 col.xxgk-group{width:3em}
.xxgk-report .xxgk-t3 col.xxgk-group-1{width:4.6em}
.xxgk-report .xxgk-t3 col.xxgk-label{width:30%}
.xxgk-report .xxgk-t3 th.xxgk-row-group{padding:2px}
.xxgk-report .xxgk-t4 th{font-size:9.5pt}
.xxgk-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.xxgk-flag{position:relative;outline:2px solid #d97706;outline-offset:-2px;background:#fff7e6;cursor:help}
.xxgk-flag.xxgk-error{outline-color:#c81e1e;background:#fdecec}
.xxgk-flag.xxgk-info{outline-color:#1d63c8;background:#eaf2fd}
.xxgk-flag.xxgk-pinpoint{outline-width:3px;outline-style:double;font-weight:700}
.xxgk-flag.xxgk-pinpoint::before{content:"\\25B6";position:absolute;left:2px;top:50%;transform:translateY(-50%);font-size:8pt;color:#c81e1e}
.xxgk-flag:focus{outline:3px solid #111;z-index:2}
.xxgk-flag:focus::after{content:attr(data-xxgk-message);position:absolute;z-index:3;left:0;top:100%;min-width:16em;max-width:28em;padding:6px 8px;background:#222;color:#fff;font:10pt/1.5 ${FONT_STACKS.heading};text-align:left;white-space:pre-line;text-indent:0;border-radius:3px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
.xxgk-findings{font-family:${FONT_STACKS.heading};font-size:11pt;line-height:1.6;max-width:210mm;margin:0 auto 16px;padding:12px 32px;box-sizing:border-box;border:1px solid #c9c9c9;background:#fafafa}
.xxgk-findings h2{font-size:13pt;margin:0 0 6px}
.xxgk-findings ol{margin:4px 0;padding-left:1.6em}
.xxgk-findings ul{margin:2px 0;padding-left:1.2em;list-style:none}
.xxgk-findings ul>li{display:inline-block;margin:0 1.2em 0 0}
.xxgk-findings ol.xxgk-related{list-style:none;padding-left:1.2em}
.xxgk-findings li{margin:2px 0}
.xxgk-findings .xxgk-severity{display:inline-block;min-width:3em;padding:0 4px;margin-right:4px;border-radius:3px;color:#fff;background:#d97706;text-align:center;font-size:9.5pt}
.xxgk-findings .xxgk-error .xxgk-severity{background:#c81e1e}
.xxgk-findings .xxgk-info .xxgk-severity{background:#1d63c8}
.xxgk-findings code{font-size:9.5pt;color:#555}
.xxgk-findings .xxgk-figures{color:#444}
.xxgk-findings a{color:#0b4fa8}
@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{content:"\\2014  " counter(page) "  \\2014";font-family:${FONT_STACKS.table};font-size:14pt}}
@media print{
.xxgk-report{max-width:none;padding:0;font-size:16pt;line-height:28.9pt}
.xxgk-report h1{margin-top:0}
.xxgk-report h2,.xxgk-report h3{break-after:avoid}
.xxgk-report table{break-inside:auto}
.xxgk-report thead{display:table-header-group}
.xxgk-report tr{break-inside:avoid}
.xxgk-report tbody,.xxgk-report .xxgk-t4{break-inside:avoid}
.xxgk-report tr.xxgk-keep{break-after:avoid}
.xxgk-report .xxgk-t3{line-height:1.25}
.xxgk-report .xxgk-t3 th,.xxgk-report .xxgk-t3 td{padding:1px 3px}
.xxgk-report .xxgk-t3 col.xxgk-label{width:36%}
.xxgk-report td.xxgk-blank{background:none}
.xxgk-findings{break-after:page;border:none;padding:0}
.xxgk-flag:focus::after{content:none}
}
`.trim();
