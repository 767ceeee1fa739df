/**
 * The source readers of @xxgk/importer: format detection, text decoding, and the HTML, PDF and DOCX readers that
 * turn a published report into a {@link SourceDocument}.
 */
export { detectFormat, type DetectedFormat, type DetectionBasis, type RefusedKind } from "./detect.js";
export { decodeText, decodeDeclared, firstInvalidUtf8, type DecodedText, type TextEncodingName } from "./decode.js";
export { readHtml, sniffHtmlCharset } from "./html.js";
export { SourceReadError, type LocalizedMessage, type SourceReadErrorCode } from "./errors.js";
export { DEFAULT_LIMITS, type ReadOptions, type SourceLimits } from "./limits.js";
export { normalizeText } from "./text.js";
export { readPdf } from "./pdf.js";
export { readDocx } from "./docx.js";
