// Loaded on demand by the executable (see tsup.config.ts): iconv-lite, for GB18030 input only.
export { default } from "iconv-lite";
