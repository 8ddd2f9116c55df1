// Highlighting shared by both search backends: the engine wraps matches in private-use
// markers (never HTML), and only here does text become HTML, escaped first, so a
// hostile document can never inject markup into a results page.

/** Marks the start of a match; a Private Use Area character no real text contains. */
export const HIGHLIGHT_START = "\uE000";
/** Marks the end of a match. */
export const HIGHLIGHT_END = "\uE001";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// NUL cannot be stored in PostgreSQL text; lone surrogates cannot be encoded as UTF-8.
const UNSAFE_TEXT = /[\u0000\uE000\uE001]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes the five HTML-significant characters, so the result is inert text in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Removes highlight markers, NUL bytes and lone surrogates from text about to be indexed. */
export function cleanIndexedText(text: string): string {
  return text.replace(UNSAFE_TEXT, "");
}

/**
 * Turns engine output with highlight markers into escaped HTML whose only tags are
 * balanced `<mark>`/`</mark>`; stray or nested markers are dropped.
 */
export function markedTextToHtml(marked: string): string {
  let html = "";
  let open = false;
  let plainStart = 0;
  for (let i = 0; i < marked.length; i++) {
    const char = marked[i];
    if (char !== HIGHLIGHT_START && char !== HIGHLIGHT_END) continue;
    html += escapeHtml(marked.slice(plainStart, i));
    plainStart = i + 1;
    if (char === HIGHLIGHT_START && !open) {
      html += "<mark>";
      open = true;
    } else if (char === HIGHLIGHT_END && open) {
      html += "</mark>";
      open = false;
    }
  }
  html += escapeHtml(marked.slice(plainStart));
  return open ? `${html}</mark>` : html;
}
