// A strict structural check of rendered HTML for tests (html-validate is not installed).
// It tokenizes with htmlparser2's Tokenizer, which, unlike a browser's tree builder, never
// repairs markup, and keeps its own element stack, so these show up as problems:
// end tags that close nothing or close out of order, elements left open, block content in
// phrasing-only elements (a <pre> in a <code>, a <div> in a <p>), interactive content in
// links and buttons, table parts outside their parents, table rows of unequal width, <th>
// without scope, duplicate attributes, duplicate ids and ARIA/label references to no id.
import { Tokenizer } from "htmlparser2";

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Elements whose content model is phrasing content only (the HTML standard, §4). */
const PHRASING_ONLY = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "span",
  "code",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "small",
  "abbr",
  "cite",
  "q",
  "kbd",
  "samp",
  "var",
  "sub",
  "sup",
  "mark",
  "time",
  "data",
  "label",
  "button",
  "output",
  "bdi",
  "bdo",
  "dfn",
  "legend",
  "summary",
  "title",
  "option",
  "textarea",
]);

/** Flow content that is not phrasing content: never allowed where only phrasing is. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "dd",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "caption",
  "colgroup",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "ul",
  "search",
]);

const INTERACTIVE = new Set(["a", "button", "details", "embed", "iframe", "label", "select", "textarea", "input"]);

/** Where these may appear: the required parent elements. */
const PARENTS: Record<string, string[]> = {
  li: ["ul", "ol", "menu"],
  dt: ["dl", "div"],
  dd: ["dl", "div"],
  tr: ["table", "thead", "tbody", "tfoot"],
  td: ["tr"],
  th: ["tr"],
  thead: ["table"],
  tbody: ["table"],
  tfoot: ["table"],
  caption: ["table"],
  colgroup: ["table"],
};

const ID_REFERENCES = ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"];
const TH_SCOPES = new Set(["row", "col", "rowgroup", "colgroup"]);

interface Open {
  name: string;
  /** Inside <svg> or <math>: HTML content rules do not apply. */
  foreign: boolean;
  /** Only phrasing content may follow (an ancestor is phrasing-only). */
  phrasing: boolean;
  /** Inside an <a> or <button>. */
  interactive: boolean;
}

interface TableState {
  widths: number[];
  /** Cells spanning down from earlier rows: how many more rows each still covers, and its width. */
  carried: Array<{ rows: number; span: number }>;
  row: number | null;
}

/** Every structural problem found in `html`, as readable sentences (empty when none). */
export function findHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: Open[] = [];
  const tables: TableState[] = [];
  const ids = new Map<string, number>();
  const references: Array<{ attribute: string; id: string; element: string }> = [];
  const fragments = new Set<string>();
  let tagName = "";
  let attributes = new Map<string, string>();
  let attributeName = "";
  let attributeValue = "";
  let sawHtml = false;
  let sawDoctype = false;

  const line = (index: number) => html.slice(0, index).split("\n").length;
  const report = (index: number, message: string) => problems.push(`line ${line(index)}: ${message}`);
  const path = () => stack.map((open) => open.name).join(" > ") || "(document)";

  function openElement(index: number, selfClosing: boolean) {
    const name = tagName;
    const parent = stack.at(-1);
    const foreign = Boolean(parent?.foreign) || name === "svg" || name === "math";
    if (name === "html") sawHtml = true;
    if (!parent?.foreign) checkPlacement(index, name, parent);
    checkAttributes(index, name);
    if (name === "table") tables.push({ widths: [], carried: [], row: null });
    if (!foreign) countCell(name);
    if (VOID.has(name) && !foreign) return;
    if (selfClosing && foreign) return;
    if (selfClosing) report(index, `<${name}/> is not a void element; the slash is ignored and it stays open`);
    stack.push({
      name,
      foreign,
      phrasing: !foreign && (Boolean(parent?.phrasing) || PHRASING_ONLY.has(name)),
      interactive: Boolean(parent?.interactive) || name === "a" || name === "button",
    });
  }

  function checkPlacement(index: number, name: string, parent: Open | undefined) {
    if (parent?.phrasing && BLOCK.has(name)) report(index, `<${name}> inside phrasing-only content (${path()})`);
    if (parent?.interactive && INTERACTIVE.has(name) && !(name === "input" && attributes.get("type") === "hidden")) {
      report(index, `interactive <${name}> inside a link or button (${path()})`);
    }
    const allowed = PARENTS[name];
    if (allowed && !allowed.includes(parent?.name ?? "")) report(index, `<${name}> must be a child of ${allowed.map((p) => `<${p}>`).join(" or ")} (${path()})`);
    if ((parent?.name === "ul" || parent?.name === "ol") && !["li", "script", "template"].includes(name)) report(index, `<${name}> directly inside <${parent.name}>`);
    if (parent?.name === "tr" && !["td", "th", "script", "template"].includes(name)) report(index, `<${name}> directly inside <tr>`);
  }

  function checkAttributes(index: number, name: string) {
    const id = attributes.get("id");
    if (id !== undefined) {
      if (id === "" || /\s/.test(id)) report(index, `<${name}> has an invalid id ${JSON.stringify(id)}`);
      if (ids.has(id)) report(index, `duplicate id "${id}" (first on line ${ids.get(id)})`);
      else ids.set(id, line(index));
    }
    for (const attribute of ID_REFERENCES) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      for (const ref of value.split(/\s+/).filter(Boolean)) references.push({ attribute, id: ref, element: name });
    }
    const href = attributes.get("href");
    if (href && href.length > 1 && href.startsWith("#")) fragments.add(decodeURIComponent(href.slice(1)));
    if (name === "th" && !TH_SCOPES.has(attributes.get("scope") ?? "")) report(index, `<th> without a valid scope (${path()})`);
  }

  function countCell(name: string) {
    const table = tables.at(-1);
    if (!table) return;
    if (name === "tr") {
      table.row = table.carried.reduce((sum, cell) => sum + cell.span, 0);
      table.carried = table.carried.map((cell) => ({ ...cell, rows: cell.rows - 1 })).filter((cell) => cell.rows > 0);
    }
    if ((name === "td" || name === "th") && table.row !== null) {
      const span = Number(attributes.get("colspan") ?? 1) || 1;
      table.row += span;
      const rows = Number(attributes.get("rowspan") ?? 1) || 1;
      if (rows > 1) table.carried.push({ rows: rows - 1, span });
    }
  }

  function closeElement(index: number, name: string) {
    if (VOID.has(name) && !stack.at(-1)?.foreign) {
      report(index, `end tag </${name}> of a void element`);
      return;
    }
    const position = stack.map((open) => open.name).lastIndexOf(name);
    if (position === -1) {
      report(index, `end tag </${name}> closes nothing (${path()})`);
      return;
    }
    if (position !== stack.length - 1) {
      report(
        index,
        `end tag </${name}> while ${stack
          .slice(position + 1)
          .map((open) => `<${open.name}>`)
          .join(", ")} still open`,
      );
    }
    for (const closed of stack.splice(position)) finishElement(index, closed.name);
  }

  function finishElement(index: number, name: string) {
    const table = tables.at(-1);
    if (!table) return;
    if (name === "tr" && table.row !== null) {
      table.widths.push(table.row);
      table.row = null;
    }
    if (name === "table") {
      tables.pop();
      if (new Set(table.widths).size > 1) report(index, `table rows have different numbers of columns: ${table.widths.join(", ")}`);
    }
  }

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attributes = new Map();
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = "";
      },
      onattribdata(start, end) {
        attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend(_quote, end) {
        if (attributes.has(attributeName)) report(end, `<${tagName}> repeats the attribute ${attributeName}`);
        attributes.set(attributeName, attributeValue);
      },
      onopentagend(end) {
        openElement(end, false);
      },
      onselfclosingtag(end) {
        openElement(end, true);
      },
      onclosetag(start, end) {
        closeElement(end, html.slice(start, end).toLowerCase());
      },
      ondeclaration(start, end) {
        if (/^doctype html$/i.test(html.slice(start, end).trim())) sawDoctype = true;
      },
      oncdata() {},
      oncomment() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();

  if (stack.length > 0) problems.push(`at the end: ${stack.map((open) => `<${open.name}>`).join(", ")} never closed`);
  if (sawHtml && !sawDoctype) problems.push("the document has no <!doctype html>");
  for (const ref of references) {
    if (!ids.has(ref.id)) problems.push(`<${ref.element} ${ref.attribute}> points at a missing id "${ref.id}"`);
  }
  for (const fragment of fragments) {
    if (!ids.has(fragment)) problems.push(`link to #${fragment} but no element has that id`);
  }
  return problems;
}
