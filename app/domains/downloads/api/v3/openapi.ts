// The downloads part of /api/openapi.json: every /api/v3/downloads route.
import { jsonResponse, type OpenApiPart, problemResponse, queryParameters } from "../../../../core/http/openapi.ts";
import { OsSchema, ReleaseCycleSchema, ReleaseFileSchema, ReleaseListQuerySchema, ReleasePageSchema, ReleaseSchema } from "./schemas.ts";

const TAG = "Downloads";
const conditional = {
  ETag: { description: "Strong validator; send it back as `If-None-Match` for a 304.", schema: { type: "string" } },
};
const notModified = { description: "The client's copy (If-None-Match / If-Modified-Since) is current; no body." };
const arrayOf = (name: string) => ({ type: "array", items: { $ref: `#/components/schemas/${name}` } });

export const downloadsV3OpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: "Python releases, their files, operating systems and the release cycle." }],
  schemas: {
    Release: ReleaseSchema,
    ReleaseFile: ReleaseFileSchema,
    ReleasePage: ReleasePageSchema,
    ReleaseCycle: ReleaseCycleSchema,
    OperatingSystem: OsSchema,
  },
  paths: {
    "/api/v3/downloads/releases/": {
      get: {
        operationId: "listReleases",
        summary: "List releases with their files",
        description:
          "Newest first (release date, then id). Filter by version numbers, line, pre-release tag or latest flag; each release carries its files and the support status of its minor version. Pages are keyset-paginated: follow `next` (also in the `Link` header). Unknown parameters are a 400.",
        tags: [TAG],
        parameters: queryParameters(ReleaseListQuerySchema),
        responses: {
          "200": jsonResponse("A page of releases.", "ReleasePage", {
            ...conditional,
            Link: { description: 'The next page: `<url>; rel="next"`.', schema: { type: "string" } },
          }),
          "304": notModified,
          "400": problemResponse("An unknown filter or a value it cannot take; `errors` names each."),
          "401": problemResponse("Malformed or wrong credentials."),
        },
      },
    },
    "/api/v3/downloads/releases/{slug}/": {
      get: {
        operationId: "getRelease",
        summary: "One release with its files",
        tags: [TAG],
        parameters: [{ name: "slug", in: "path", required: true, description: "e.g. `python-3140`.", schema: { type: "string", pattern: "^[-a-zA-Z0-9_]+$" } }],
        responses: {
          "200": jsonResponse("The release.", "Release", conditional),
          "304": notModified,
          "404": problemResponse("No published release has this slug."),
        },
      },
    },
    "/api/v3/downloads/os/": {
      get: {
        operationId: "listOperatingSystems",
        summary: "List operating systems",
        tags: [TAG],
        responses: { "200": jsonResponse("Every operating system, by name.", arrayOf("OperatingSystem"), conditional), "304": notModified },
      },
    },
    "/api/v3/downloads/release-cycles/": {
      get: {
        operationId: "listReleaseCycles",
        summary: "List the release cycle",
        description: "Support status of each minor version (feature, prerelease, bugfix, security, end-of-life), newest first, as editors maintain it.",
        tags: [TAG],
        responses: { "200": jsonResponse("Every minor version's status.", arrayOf("ReleaseCycle"), conditional), "304": notModified },
      },
    },
    "/api/v3/downloads/release-cycles/{version}/": {
      get: {
        operationId: "getReleaseCycle",
        summary: "The release cycle of one minor version",
        tags: [TAG],
        parameters: [{ name: "version", in: "path", required: true, description: "e.g. `3.14`.", schema: { type: "string", pattern: "^\\d{1,3}\\.\\d{1,3}$" } }],
        responses: {
          "200": jsonResponse("The minor version's status.", "ReleaseCycle", conditional),
          "304": notModified,
          "404": problemResponse("No entry for this version."),
        },
      },
    },
  },
};
