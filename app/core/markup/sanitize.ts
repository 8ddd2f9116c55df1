// The one allowlist every piece of stored markup passes through on its way to a
// browser. It reproduces legacy python.org's nh3 policy (pydotorg/markup.py):
// the same tags and attributes, and only http, https and mailto links.
import sanitizeHtml from "sanitize-html";
import { memoizeString } from "./memo.ts";
import { repairCodeAroundPre } from "./nesting.ts";

const ALLOWED_TAGS = [
  "a",
  "abbr",
  "b",
  "blockquote",
  "br",
  "caption",
  "code",
  "col",
  "colgroup",
  "dd",
  "del",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "ol",
  "p",
  "pre",
  "s",
  "span",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    "*": ["class", "id", "title"],
    a: ["href"],
    img: ["src", "alt", "width", "height"],
    td: ["align", "colspan", "rowspan"],
    th: ["align", "colspan", "rowspan", "scope"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: true,
  // Drop the contents of elements that are never text, not just their tags.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"],
  disallowedTagsMode: "discard",
};

/** Returns HTML containing only allowlisted tags, attributes and URL schemes, with <code><pre> nesting repaired. */
export const sanitizeMarkupHtml = memoizeString((html) => repairCodeAroundPre(sanitizeHtml(html, OPTIONS)), {
  // The same stored markup is sanitised for every page and API answer that shows it.
  maxBytes: 16 * 1024 * 1024,
});
