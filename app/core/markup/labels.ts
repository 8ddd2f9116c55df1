// How the markup types are named to editors (admin selects and list columns).
import { MARKUP_TYPES, type MarkupType } from "./render.ts";

export const MARKUP_LABELS: Record<MarkupType, string> = {
  html: "HTML",
  plain: "Plain text",
  markdown: "Markdown",
  markdown_unsafe: "Markdown with raw HTML",
  restructuredtext: "reStructuredText",
};

/** Choices for a markup-type select, in the order of MARKUP_TYPES. */
export const MARKUP_CHOICES = MARKUP_TYPES.map((value) => ({ value, label: MARKUP_LABELS[value] }));

/** The editor-facing name of a stored markup type (unknown legacy values shown as stored). */
export function markupLabel(type: string): string {
  return MARKUP_LABELS[type as MarkupType] ?? type;
}
