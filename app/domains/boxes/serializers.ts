import type { BoxView } from "./service.ts";

/** The public JSON shape of a box (API v3). */
export function toBoxJson(box: BoxView, siteUrl: string) {
  return {
    label: box.label,
    content: box.content,
    content_markup_type: box.contentMarkupType,
    content_html: box.html,
    created: box.created.toISOString(),
    updated: box.updated.toISOString(),
    resource_uri: new URL(`/api/v3/boxes/${encodeURIComponent(box.label)}/`, siteUrl).toString(),
    html_uri: new URL(`/box/${encodeURIComponent(box.label)}/`, siteUrl).toString(),
  };
}
