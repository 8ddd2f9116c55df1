// Pages in the legacy API shapes (urls.md §16): v1 tastypie objects (keys sorted,
// relative `resource_uri`, no id) and v2 DRF objects (PageSerializer field order, absolute
// `resource_uri`). `content` is the rendered body, sanitised, as the markup field rendered it.
import { drfUrl } from "../../../core/api/drf.ts";
import { resourceUri } from "../../../core/api/tastypie.ts";
import type { PageView } from "../service/views.ts";
import type { PageInput } from "../schemas.ts";

export const V1_LIST = "/api/v1/pages/page/";
export const V2_LIST = "/api/v2/pages/page/";

/** A v1 PageResource object. */
export function toV1Page(page: PageView) {
  return {
    content: page.html,
    description: page.description,
    is_published: page.isPublished,
    keywords: page.keywords,
    path: page.path,
    resource_uri: resourceUri(V1_LIST, page.id),
    template_name: page.templateName,
    title: page.title,
  };
}

/** A v2 PageSerializer object. */
export function toV2Page(page: PageView, siteUrl: string) {
  return {
    title: page.title,
    path: page.path,
    keywords: page.keywords,
    description: page.description,
    content: page.html,
    is_published: page.isPublished,
    template_name: page.templateName,
    resource_uri: drfUrl(siteUrl, V2_LIST, page.id),
  };
}

const text = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? undefined : String(value));

/**
 * A v1 POST body as service input. `content_markup_type` and `content_type` are accepted
 * beyond legacy's fields; the markup type defaults to legacy's restructuredtext.
 */
export function fromV1Body(body: Record<string, unknown>): Record<keyof PageInput, unknown> {
  return {
    title: text(body.title),
    keywords: text(body.keywords),
    description: text(body.description),
    path: text(body.path),
    content: text(body.content),
    contentMarkupType: text(body.content_markup_type) ?? "restructuredtext",
    isPublished: typeof body.is_published === "boolean" ? body.is_published : body.is_published === undefined ? undefined : body.is_published === "true",
    contentType: text(body.content_type),
    templateName: text(body.template_name),
  };
}

/** Service field names as v1 field names, for validation errors. */
export const V1_FIELD_NAMES: Record<string, string> = {
  contentMarkupType: "content_markup_type",
  isPublished: "is_published",
  contentType: "content_type",
  templateName: "template_name",
};
