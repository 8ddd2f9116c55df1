// Query filters of the legacy pages APIs (python/pythondotorg:apps/pages/api.py):
// title, path (exact), keywords (exact or icontains), is_published (exact). v1 (tastypie)
// ignores names that are not resource fields and refuses lookups a field does not allow;
// v2 (pydotorg/drf.py BaseFilterSet) refuses every parameter that is not a filter.
import { checkKnownFilters, DrfFilterError } from "../../../core/api/drf.ts";
import { TastypieBadRequest, type TastypieResourceSpec } from "../../../core/api/tastypie.ts";
import type { PageApiFilters } from "../service/pages.ts";

/** A 400 in the shape of the API version that raised it. */
type Refuse = (message: string) => Error;

const ALLOWED: Record<string, string[]> = { title: ["exact"], path: ["exact"], keywords: ["exact", "icontains"], is_published: ["exact"] };
/** v1 PageResource's fields and filtering, for its `/schema/` document. */
export const PAGE_V1_SPEC: TastypieResourceSpec = {
  fields: {
    content: "text",
    description: "text",
    is_published: "bool",
    keywords: "text",
    path: "text",
    resource_uri: "uri",
    template_name: "text",
    title: "text",
  },
  filtering: ALLOWED,
  unique: ["path"],
};
/** Resource fields of v1 PageResource that are not filterable (tastypie says so instead of ignoring them). */
const V1_FIELDS = new Set(["description", "content", "template_name", "resource_uri", "creator", "last_modified_by"]);
/** The filter names django-filter generates for PageFilterSet's fields. */
const V2_PARAMS = new Set(["title", "path", "keywords", "keywords__icontains", "is_published"]);
const V1_PAGING = new Set(["limit", "offset", "format", "order_by"]);

/** Django's BooleanField spellings; undefined for anything else. */
function parseBoolean(value: string): boolean | undefined {
  if (["true", "True", "1"].includes(value)) return true;
  if (["false", "False", "0"].includes(value)) return false;
  return undefined;
}

function apply(filters: PageApiFilters, field: string, lookup: string, value: string, refuse: Refuse): void {
  if (field === "title") filters.title = value;
  else if (field === "path") filters.path = value;
  else if (field === "keywords" && lookup === "icontains") filters.keywordsContains = value;
  else if (field === "keywords") filters.keywords = value;
  else if (field === "is_published") {
    const flag = parseBoolean(value);
    if (flag === undefined) throw refuse(`'${value}' is not a valid value for is_published; use true or false.`);
    filters.isPublished = flag;
  }
}

function split(param: string): { field: string; lookup: string } {
  const index = param.lastIndexOf("__");
  return index === -1 ? { field: param, lookup: "exact" } : { field: param.slice(0, index), lookup: param.slice(index + 2) };
}

/** tastypie build_filters for PageResource. */
export function parseV1Filters(query: Record<string, string>): PageApiFilters {
  const filters: PageApiFilters = {};
  for (const [param, value] of Object.entries(query)) {
    if (V1_PAGING.has(param)) continue;
    const { field, lookup } = split(param);
    const lookups = ALLOWED[field];
    if (!lookups) {
      if (V1_FIELDS.has(field)) throw new TastypieBadRequest(`The '${field}' field does not allow filtering.`);
      continue;
    }
    if (!lookups.includes(lookup)) throw new TastypieBadRequest(`'${lookup}' is not an allowed filter on the '${field}' field.`);
    apply(filters, field, lookup, value, (message) => new TastypieBadRequest(message));
  }
  return filters;
}

/** BaseFilterSet.qs for PageFilterSet: every unknown parameter is listed in one 400. */
export function parseV2Filters(query: Record<string, string>): PageApiFilters {
  const filters: PageApiFilters = {};
  checkKnownFilters(Object.keys(query), V2_PARAMS);
  for (const [param, value] of Object.entries(query)) {
    const { field, lookup } = split(param);
    apply(filters, field, lookup, value, (message) => new DrfFilterError([message]));
  }
  return filters;
}
