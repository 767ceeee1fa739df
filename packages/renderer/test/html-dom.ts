/** Helpers over parse5's tree for the HTML tests. */
import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";

export type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export function parseDocument(html: string): Element {
  const document = parse(html);
  const root = document.childNodes.find((node): node is Element => "tagName" in node);
  if (!root) throw new Error("no root element");
  return root;
}

export function parseHtmlFragment(html: string): Element {
  const fragment = parseFragment(html);
  return { nodeName: "#root", tagName: "root", attrs: [], childNodes: fragment.childNodes } as unknown as Element;
}

export function elements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node) found.push(node);
    const children = "content" in node && node.tagName === "template" ? node.content.childNodes : "childNodes" in node ? node.childNodes : [];
    for (const child of children) visit(child);
  };
  visit(root);
  return found.filter((element) => element !== root);
}

export function byTag(root: Node, tag: string): Element[] {
  return elements(root).filter((element) => element.tagName === tag);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  if (!("childNodes" in node)) return "";
  return node.childNodes.map(textOf).join("");
}

export function byId(root: Node): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const element of elements(root)) {
    const id = attribute(element, "id");
    if (id !== undefined) {
      if (map.has(id)) throw new Error(`duplicate id ${id}`);
      map.set(id, element);
    }
  }
  return map;
}

/** Lays a table's rows out on a grid, honouring rowspan and colspan; throws on overlapping cells. */
export function tableGrid(table: Element): { grid: (Element | undefined)[][]; rows: Element[] } {
  const rows = byTag(table, "tr");
  const grid: (Element | undefined)[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.childNodes.filter((node): node is Element => "tagName" in node)) {
      while (grid[rowIndex]![column]) column += 1;
      const rowSpan = Number(attribute(cell, "rowspan") ?? 1);
      const columnSpan = Number(attribute(cell, "colspan") ?? 1);
      for (let r = rowIndex; r < rowIndex + rowSpan; r += 1) {
        if (r >= rows.length) throw new Error("rowspan runs past the table");
        for (let c = column; c < column + columnSpan; c += 1) {
          if (grid[r]![c]) throw new Error(`cells overlap at row ${r}, column ${c}`);
          grid[r]![c] = cell;
        }
      }
      column += columnSpan;
    }
  });
  return { grid, rows };
}
