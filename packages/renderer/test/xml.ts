/**
 * A small strict XML 1.0 parser for the tests: it rejects what Word rejects as "unreadable content" (malformed
 * markup, bad nesting, duplicate attributes, unknown entities, characters XML forbids) and returns the tree.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

// XML 1.0 Char production.
const ILLEGAL_CHARACTER = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_][\w.:-]*/;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  if (text.includes("<")) throw new Error(`"<" in character data at ${where}`);
  return text.replace(/&([^;]*);?/g, (match, entity: string) => {
    if (!match.endsWith(";")) throw new Error(`unterminated entity at ${where}`);
    if (entity.startsWith("#")) {
      const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      const character = Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\u0000";
      if (ILLEGAL_CHARACTER.test(character) || (code >= 0xd800 && code <= 0xdfff))
        throw new Error(`character reference &${entity}; to a character XML forbids at ${where}`);
      return character;
    }
    const value = PREDEFINED[entity];
    if (value === undefined) throw new Error(`unknown entity &${entity}; at ${where}`);
    return value;
  });
}

/** Parses a complete document; throws on the first well-formedness error. */
export function parseXml(source: string): XmlElement {
  if (ILLEGAL_CHARACTER.test(source)) throw new Error("character not allowed in XML");
  let position = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipMisc = () => {
    for (;;) {
      if (source.startsWith("<?", position) || source.startsWith("<!--", position)) {
        const terminator = source.startsWith("<?", position) ? "?>" : "-->";
        const end = source.indexOf(terminator, position);
        if (end < 0) throw new Error("unterminated declaration or comment");
        position = end + terminator.length;
      } else if (/\s/.test(source[position] ?? "")) position += 1;
      else return;
    }
  };
  skipMisc();
  while (position < source.length) {
    if (root && stack.length === 0) {
      skipMisc();
      if (position < source.length) throw new Error(`content after the root element at ${position}`);
      break;
    }
    if (source.startsWith("<!--", position)) {
      const end = source.indexOf("-->", position);
      if (end < 0) throw new Error("unterminated comment");
      position = end + 3;
    } else if (source.startsWith("</", position)) {
      const end = source.indexOf(">", position);
      const name = source.slice(position + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}> at ${position}`);
      position = end + 1;
    } else if (source[position] === "<") {
      position += 1;
      const name = NAME.exec(source.slice(position, position + 200))?.[0];
      if (!name) throw new Error(`bad element name at ${position}`);
      position += name.length;
      const element: XmlElement = { name, attributes: {}, children: [] };
      for (;;) {
        const whitespace = /^\s*/.exec(source.slice(position, position + 100))![0];
        position += whitespace.length;
        if (source.startsWith("/>", position)) {
          position += 2;
          break;
        }
        if (source[position] === ">") {
          position += 1;
          stack.push(element);
          break;
        }
        if (whitespace === "") throw new Error(`expected whitespace before attribute at ${position}`);
        const attribute = NAME.exec(source.slice(position, position + 200))?.[0];
        if (!attribute) throw new Error(`bad attribute name at ${position}`);
        position += attribute.length;
        const quote = /^\s*=\s*(["'])/.exec(source.slice(position, position + 20));
        if (!quote) throw new Error(`expected = and a quote at ${position}`);
        position += quote[0].length;
        const end = source.indexOf(quote[1]!, position);
        if (end < 0) throw new Error("unterminated attribute value");
        if (Object.hasOwn(element.attributes, attribute)) throw new Error(`duplicate attribute ${attribute}`);
        element.attributes[attribute] = decode(source.slice(position, end), position);
        position = end + 1;
      }
      const parent = stack.at(-1) === element ? stack.at(-2) : stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new Error("second root element");
      else root = element;
    } else {
      const end = source.indexOf("<", position);
      const text = source.slice(position, end < 0 ? source.length : end);
      const parent = stack.at(-1);
      if (!parent) {
        if (text.trim() !== "") throw new Error("text outside the root element");
      } else parent.children.push(decode(text, position));
      position = end < 0 ? source.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every descendant element with the given name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === "string") continue;
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** The first child element with the given name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => typeof node !== "string" && node.name === name);
}

/** The concatenated text of every `w:t` below an element. */
export function wordText(element: XmlElement): string {
  return findAll(element, "w:t")
    .map((text) => text.children.filter((node): node is string => typeof node === "string").join(""))
    .join("");
}
