// `/api/v1/<resource>/schema/` (tastypie Resource.build_schema): field types and the
// filtering allowlist, ALL as 1 and ALL_WITH_RELATIONS as 2.
import { FILTER_SPECS, type ResourceName } from "./filters.ts";

const TYPES: Record<string, string> = { text: "string", bool: "boolean", int: "integer", date: "datetime", uri: "string" };
const NULLABLE = new Set(["release_page"]);
const UNIQUE = new Set(["slug", "url"]);

export function v1Schema(name: ResourceName, listMethods: string[], detailMethods: string[]) {
  const spec = FILTER_SPECS[name];
  const fields = Object.fromEntries(
    Object.entries(spec.fields).map(([field, kind]) => [
      field,
      {
        blank: false,
        default: "",
        help_text: typeof kind === "object" ? "A single related resource. Can be either a URI or set of nested resource data." : field === "resource_uri" ? "Unicode string data. Ex: \"Hello World\"" : "",
        nullable: NULLABLE.has(field),
        primary_key: false,
        readonly: field === "resource_uri",
        type: typeof kind === "object" ? "related" : (TYPES[kind] ?? "string"),
        unique: UNIQUE.has(field),
        verbose_name: field.replaceAll("_", " "),
        ...(typeof kind === "object" ? { related_type: "to_one" } : {}),
      },
    ]),
  );
  const filtering = Object.fromEntries(
    Object.entries(spec.filtering).map(([field, allowed]) => [field, allowed === "ALL" ? 1 : allowed === "ALL_WITH_RELATIONS" ? 2 : allowed]),
  );
  return {
    allowed_detail_http_methods: detailMethods.map((method) => method.toLowerCase()),
    allowed_list_http_methods: listMethods.map((method) => method.toLowerCase()),
    default_format: "application/json",
    default_limit: 20,
    fields,
    filtering,
  };
}
