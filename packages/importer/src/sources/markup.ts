/**
 * Start tags, end tags and text from htmlparser2's tokenizer, for the HTML and DOCX readers. Its `Parser` is not
 * used: it keeps open elements with `Array.unshift` and searches them with `indexOf`, so a page of 50,000 nested
 * elements took seconds and 200,000 took minutes. The readers keep their own open-element stacks instead, with
 * constant-time checks, and build only the structure they need.
 */
import { QuoteType, Tokenizer } from "htmlparser2";

/** What a reader does with the tokens. */
export interface MarkupHandler {
  /** A start tag; `selfClosing` for `<x/>` (always honoured in XML, only for void elements in HTML). */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  /** An end tag (and, in XML, the end of a self-closing tag). */
  close(name: string): void;
  /** Text with character references decoded. */
  text(text: string): void;
}

/** Tokenizes a whole document in one pass. Tag and attribute names are lower-cased in HTML and kept in XML. */
export function tokenize(source: string, handler: MarkupHandler, xmlMode: boolean): void {
  let tagName = "";
  let attributeName = "";
  let attributeValue = "";
  let attributes: Record<string, string> = {};
  const name = (start: number, end: number) => (xmlMode ? source.slice(start, end) : source.slice(start, end).toLowerCase());
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: true },
    {
      ontext: (start, end) => handler.text(source.slice(start, end)),
      ontextentity: (codePoint) => handler.text(String.fromCodePoint(codePoint)),
      oncdata: (start, end, offset) => handler.text(source.slice(start, end - offset)),
      onopentagname: (start, end) => {
        tagName = name(start, end);
        attributes = {};
      },
      onattribname: (start, end) => {
        attributeName = name(start, end);
        attributeValue = "";
      },
      onattribdata: (start, end) => {
        attributeValue += source.slice(start, end);
      },
      onattribentity: (codePoint) => {
        attributeValue += String.fromCodePoint(codePoint);
      },
      onattribend: (quote) => {
        if (!Object.hasOwn(attributes, attributeName)) attributes[attributeName] = quote === QuoteType.NoValue ? "" : attributeValue;
        attributeValue = "";
      },
      onopentagend: () => handler.open(tagName, attributes, false),
      onselfclosingtag: () => {
        handler.open(tagName, attributes, true);
        if (xmlMode) handler.close(tagName);
      },
      onclosetag: (start, end) => handler.close(name(start, end)),
      oncomment: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
}
