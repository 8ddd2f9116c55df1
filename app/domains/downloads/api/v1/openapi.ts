// The downloads part of /api/openapi.json for v1 (tastypie): reads for everyone, and the
// write flow of python/release-tools' add_to_pydotorg.py: find the release by name, delete
// its files, POST each file, all with `ApiKey <username>:<key>` of a staff account.
import { tastypieResourcePaths } from "../../../../core/api/tastypie-openapi.ts";
import type { OpenApiPart } from "../../../../core/http/openapi.ts";
import { FILTER_SPECS } from "./filters.ts";
import { V1OsBodySchema, V1OsSchema, V1ReleaseBodySchema, V1ReleaseFileBodySchema, V1ReleaseFileSchema, V1ReleaseSchema } from "./schemas.ts";

const TAG = "Downloads v1 (legacy)";

export const downloadsV1OpenApi: OpenApiPart = {
  tags: [
    {
      name: TAG,
      description:
        "tastypie resources of the legacy site, kept for release tooling. Uploading a release's files: `GET /api/v1/downloads/release/?name=Python%203.14.1` for its URI, `DELETE /api/v1/downloads/release_file/?release=<id>` to clear old files, then `POST /api/v1/downloads/release_file/` once per file, each with `Authorization: ApiKey <username>:<key>` of a staff account.",
    },
  ],
  schemas: { V1OperatingSystem: V1OsSchema, V1Release: V1ReleaseSchema, V1ReleaseFile: V1ReleaseFileSchema },
  requestSchemas: { V1OperatingSystemBody: V1OsBodySchema, V1ReleaseBody: V1ReleaseBodySchema, V1ReleaseFileBody: V1ReleaseFileBodySchema },
  paths: {
    ...tastypieResourcePaths({
      name: "downloads/os",
      tag: TAG,
      noun: "operating systems",
      schema: "V1OperatingSystem",
      filtering: FILTER_SPECS["downloads/os"].filtering,
      create: { body: "V1OperatingSystemBody" },
      deleteDetail: true,
      set: true,
    }),
    ...tastypieResourcePaths({
      name: "downloads/release",
      tag: TAG,
      noun: "releases",
      schema: "V1Release",
      filtering: FILTER_SPECS["downloads/release"].filtering,
      create: {
        body: "V1ReleaseBody",
        description: "The name follows the release naming rules (`Python 3.14.1`, `Python 3.15.0a2`); the slug defaults to the slugified name.",
      },
      deleteDetail: true,
      set: true,
    }),
    ...tastypieResourcePaths({
      name: "downloads/release_file",
      tag: TAG,
      noun: "release files",
      schema: "V1ReleaseFile",
      filtering: FILTER_SPECS["downloads/release_file"].filtering,
      create: { body: "V1ReleaseFileBody", description: "`os` and `release` are v1 URIs, as add_to_pydotorg.py sends them." },
      deleteDetail: true,
      deleteList: {
        summary: "Delete every file of a release",
        description: "Exactly one filter, `release`, is required (legacy ReleaseFileResource.delete_list); anything else is a 400.",
        parameters: [{ name: "release", in: "query", required: true, description: "The release's id.", schema: { type: "integer", minimum: 1 } }],
      },
      set: true,
    }),
  },
};
