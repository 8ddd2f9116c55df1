// OpenAPI read operations of one Django REST framework (v2) resource: the list (a bare
// array of every match, no paging) with its django-filter parameters, and the detail.
import { jsonResponse, type OpenApiOperation, pathParameter, ref } from "../http/openapi.ts";

export interface DrfResourceDoc {
  /** The list path, e.g. `/api/v2/downloads/release/`. */
  path: string;
  tag: string;
  /** Plural noun for summaries. */
  noun: string;
  /** Component schema of one object. */
  schema: string;
  /** The filters the list takes, each an exact match unless its description says otherwise. */
  filters: Array<{ name: string; description?: string; type?: "string" | "integer" | "boolean" }>;
  /** Staff writes exist (Token credentials) but are not documented here. */
  note?: string;
}

const operationName = (path: string) =>
  `V2${path
    .replace(/^\/api\/v2\//, "")
    .replace(/\/$/, "")
    .replace(/(^|[/_])([a-z])/g, (_match, _separator: string, letter: string) => letter.toUpperCase())}`;

/** The list and detail paths of one v2 resource. */
export function drfResourcePaths(resource: DrfResourceDoc): Record<string, Record<string, OpenApiOperation>> {
  const id = operationName(resource.path);
  const tags = [resource.tag];
  return {
    [resource.path]: {
      get: {
        operationId: `list${id}`,
        summary: `List ${resource.noun}`,
        description: `Every match in one array (no paging); drafts for staff with \`Token <key>\` only.${resource.note ? ` ${resource.note}` : ""}`,
        tags,
        parameters: resource.filters.map((filter) => ({
          name: filter.name,
          in: "query",
          description: filter.description ?? "Exact match.",
          schema: { type: filter.type ?? "string" },
        })),
        responses: {
          "200": jsonResponse(`Every matching one of the ${resource.noun}.`, { type: "array", items: ref(resource.schema) }),
          "400": jsonResponse("A filter value it cannot take, by filter.", "DrfFieldErrors"),
        },
      },
    },
    [`${resource.path}{id}/`]: {
      get: {
        operationId: `get${id}`,
        summary: `One of the ${resource.noun}`,
        tags,
        parameters: [pathParameter("id", { type: "integer", minimum: 1 })],
        responses: { "200": jsonResponse("The object.", resource.schema), "404": jsonResponse("No such object (or a draft).", "DrfDetail") },
      },
    },
  };
}
