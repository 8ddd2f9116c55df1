// Renders the legacy markup types to safe HTML. Every result passes the sanitiser,
// including HTML an editor typed and HTML rendered by the legacy site.
import MarkdownIt from "markdown-it";
import { sanitizeMarkupHtml } from "./sanitize.ts";

export const MARKUP_TYPES = ["html", "plain", "markdown", "markdown_unsafe", "restructuredtext"] as const;
export type MarkupType = (typeof MARKUP_TYPES)[number];

// CommonMark plus GFM tables and strikethrough; raw HTML only for trusted editors.
const markdownSafe = new MarkdownIt({ html: false, linkify: true, typographer: false });
const markdownTrusted = new MarkdownIt({ html: true, linkify: true, typographer: false });

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** Plain text as paragraphs, lines kept (the legacy `plain` type: linebreaks filter). */
function renderPlain(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
}

export interface RenderedMarkup {
  html: string;
  /** False when the type needs an external renderer (reStructuredText) that did not run. */
  rendered: boolean;
}

/**
 * Renders `source` of the given type. reStructuredText has no JavaScript renderer we
 * trust, so it is shown as escaped preformatted text until docutils renders it.
 */
export function renderMarkup(source: string, type: MarkupType): RenderedMarkup {
  switch (type) {
    case "html":
      return { html: sanitizeMarkupHtml(source), rendered: true };
    case "plain":
      return { html: renderPlain(source), rendered: true };
    case "markdown":
      return { html: sanitizeMarkupHtml(markdownSafe.render(source)), rendered: true };
    case "markdown_unsafe":
      return { html: sanitizeMarkupHtml(markdownTrusted.render(source)), rendered: true };
    case "restructuredtext":
      return { html: `<pre class="markup-source">${escapeHtml(source)}</pre>`, rendered: false };
  }
}

export function isMarkupType(value: string): value is MarkupType {
  return (MARKUP_TYPES as readonly string[]).includes(value);
}
