// OpenAPI operations of one tastypie (v1) resource, from the same allowlists the filters
// and `/schema/` use: list with limit/offset paging and its filters, detail, `set/`, the
// `/schema/` document, and the staff writes the resource allows (`ApiKey` credentials only).
import { jsonBody, jsonResponse, type OpenApiOperation, pathParameter, ref } from "../http/openapi.ts";
import type { TastypieAllowed } from "./tastypie.ts";

export interface TastypieResourceDoc {
  /** The resource name, e.g. `downloads/release_file`. */
  name: string;
  tag: string;
  /** Plural noun for summaries, e.g. "release files". */
  noun: string;
  /** Component schema of one object. */
  schema: string;
  /** The resource's `filtering` allowlist. */
  filtering: Record<string, TastypieAllowed>;
  /** POST to the list: the component schema of the body. */
  create?: { body: string; description?: string };
  /** DELETE of one object. */
  deleteDetail?: boolean;
  /** `GET set/<id>;<id>/` (tastypie get_multiple), where the resource routes it. */
  set?: boolean;
  /** DELETE of the list, narrowed by the query parameters given. */
  deleteList?: { summary: string; description: string; parameters: unknown[] };
}

const STAFF_ONLY = [{ apiKey: [] }];
const empty = (description: string) => ({ description });
const badRequest = { "400": jsonResponse("A filter, paging value or body the resource refuses.", "TastypieError") };

/** `GetV1DownloadsReleaseFile` from `downloads/release_file`. */
const operationName = (name: string) => `V1${name.replace(/(^|[/_])([a-z])/g, (_match, _separator: string, letter: string) => letter.toUpperCase())}`;

function filterParameters(filtering: Record<string, TastypieAllowed>): unknown[] {
  return Object.entries(filtering).flatMap(([field, allowed]) => {
    if (allowed === "ALL" || allowed === "ALL_WITH_RELATIONS") {
      const relations = allowed === "ALL_WITH_RELATIONS" ? "; related fields too, e.g. `" + field + "__slug`" : "";
      return [
        {
          name: field,
          in: "query",
          description: `Exact match; any Django lookup is allowed as \`${field}__<lookup>\` (gt, gte, lt, lte, in, …)${relations}.`,
          schema: { type: "string" },
        },
      ];
    }
    return allowed.map((lookup) => ({
      name: lookup === "exact" ? field : `${field}__${lookup}`,
      in: "query",
      description: lookup === "exact" ? "Exact match." : `Django's \`${lookup}\` lookup.`,
      schema: { type: "string" },
    }));
  });
}

const PAGING = [
  { name: "limit", in: "query", description: "Objects per page (default 20; 0 or over 1000 is 1000).", schema: { type: "integer", minimum: 0 } },
  { name: "offset", in: "query", description: "Objects to skip.", schema: { type: "integer", minimum: 0 } },
];

/** The paths of one v1 resource under `/api/v1/<name>/`. */
export function tastypieResourcePaths(resource: TastypieResourceDoc): Record<string, Record<string, OpenApiOperation>> {
  const base = `/api/v1/${resource.name}/`;
  const id = operationName(resource.name);
  const tags = [resource.tag];
  const idParameter = pathParameter("id", { type: "integer", minimum: 1 });
  const list: Record<string, OpenApiOperation> = {
    get: {
      operationId: `list${id}`,
      summary: `List ${resource.noun}`,
      description: "tastypie list: `meta` with limit/offset paging, `objects` in id order. Drafts are listed for staff only. Names that are not fields are ignored.",
      tags,
      parameters: [...PAGING, ...filterParameters(resource.filtering)],
      responses: {
        "200": jsonResponse(`A page of ${resource.noun}.`, {
          type: "object",
          required: ["meta", "objects"],
          properties: { meta: ref("TastypieMeta"), objects: { type: "array", items: ref(resource.schema) } },
        }),
        ...badRequest,
      },
    },
  };
  if (resource.create) {
    list.post = {
      operationId: `create${id}`,
      summary: `Add one of the ${resource.noun}`,
      description: resource.create.description ?? "Relations are given as resource URIs.",
      tags,
      security: STAFF_ONLY,
      requestBody: jsonBody("The new object; fields as in the list.", resource.create.body),
      responses: {
        "201": { description: "Created; no body.", headers: { Location: { description: "The new object's URI.", schema: { type: "string" } } } },
        "400": jsonResponse("Invalid fields, keyed by resource name; or a body that is not a JSON object.", {
          oneOf: [ref("TastypieValidationError"), ref("TastypieError")],
        }),
        "401": empty("No API key, or not staff; no body."),
      },
    };
  }
  if (resource.deleteList) {
    list.delete = {
      operationId: `delete${id}List`,
      summary: resource.deleteList.summary,
      description: resource.deleteList.description,
      tags,
      security: STAFF_ONLY,
      parameters: resource.deleteList.parameters,
      responses: { "204": empty("Deleted; no body."), ...badRequest, "401": empty("No API key, or not staff; no body.") },
    };
  }
  const detail: Record<string, OpenApiOperation> = {
    get: {
      operationId: `get${id}`,
      summary: `One of the ${resource.noun}`,
      tags,
      parameters: [idParameter],
      responses: {
        "200": jsonResponse("The object.", resource.schema),
        "401": empty("A draft, asked for without staff credentials; no body."),
        "404": empty("No such object; no body."),
      },
    },
  };
  if (resource.deleteDetail) {
    detail.delete = {
      operationId: `delete${id}`,
      summary: `Delete one of the ${resource.noun}`,
      tags,
      security: STAFF_ONLY,
      parameters: [idParameter],
      responses: { "204": empty("Deleted; no body."), "401": empty("No API key, or not staff; no body."), "404": empty("No such object; no body.") },
    };
  }
  return {
    [base]: list,
    [`${base}schema/`]: {
      get: {
        operationId: `get${id}Schema`,
        summary: `The tastypie schema of ${resource.noun}`,
        description: "Fields with their types, the filtering allowlist and the allowed methods (tastypie `build_schema`).",
        tags,
        responses: { "200": jsonResponse("The resource's schema.", { type: "object" }) },
      },
    },
    ...(resource.set ? setPath(base, id, resource) : {}),
    [`${base}{id}/`]: detail,
  };
}

function setPath(base: string, id: string, resource: TastypieResourceDoc): Record<string, Record<string, OpenApiOperation>> {
  return {
    [`${base}set/{ids}/`]: {
      get: {
        operationId: `get${id}Set`,
        summary: `Several ${resource.noun} by id`,
        tags: [resource.tag],
        parameters: [pathParameter("ids", { type: "string", pattern: "^[0-9]+(;[0-9]+)*$" }, "Ids separated by `;`, e.g. `1;3`.")],
        responses: {
          "200": jsonResponse("The objects found; ids naming nothing visible are listed in `not_found`.", {
            type: "object",
            required: ["objects"],
            properties: { objects: { type: "array", items: ref(resource.schema) }, not_found: { type: "array", items: { type: "string" } } },
          }),
        },
      },
    },
  };
}
