// The v1 (tastypie) shapes of downloads as zod schemas: the objects the serializers write
// (keys sorted, relative URIs, naive UTC date-times) and the bodies release tooling POSTs.
// The bodies are the service's input schemas under their v1 names, so their limits and
// required fields cannot drift from what the service checks; relations become URIs.
import { z } from "zod";
import { ReleaseFileInputSchema, ReleaseInputSchema } from "../../schemas.ts";
import { toSnake } from "../common.ts";

const tastypieDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/, "naive UTC date-time");
const uri = (resource: string) => z.string().regex(new RegExp(`^/api/v1/${resource}/[0-9]+/$`), `a /api/v1/${resource}/<id>/ URI`);

export const V1OsSchema = z.strictObject({ name: z.string(), resource_uri: uri("downloads/os"), slug: z.string() }).meta({ title: "V1OperatingSystem" });

export const V1ReleaseSchema = z
  .strictObject({
    is_latest: z.boolean(),
    is_published: z.boolean(),
    name: z.string(),
    pre_release: z.boolean(),
    release_date: tastypieDateTime,
    release_notes_url: z.string(),
    release_page: uri("pages/page").nullable(),
    resource_uri: uri("downloads/release"),
    show_on_download_page: z.boolean(),
    slug: z.string(),
    version: z.number().int(),
  })
  .meta({ title: "V1Release" });

export const V1ReleaseFileSchema = z
  .strictObject({
    description: z.string(),
    download_button: z.boolean(),
    filesize: z.number().int(),
    gpg_signature_file: z.string(),
    is_source: z.boolean(),
    md5_sum: z.string(),
    name: z.string(),
    os: uri("downloads/os"),
    release: uri("downloads/release"),
    resource_uri: uri("downloads/release_file"),
    sbom_spdx2_file: z.string(),
    sha256_sum: z.string(),
    sigstore_bundle_file: z.string(),
    sigstore_cert_file: z.string(),
    sigstore_signature_file: z.string(),
    slug: z.string(),
    url: z.string(),
  })
  .meta({ title: "V1ReleaseFile" });

/** A service input schema's fields under their v1 names, with some fields replaced (relations as URIs). */
function v1Body(schema: z.ZodObject, fields: readonly string[], replace: Record<string, z.ZodType>) {
  return z.object(Object.fromEntries(fields.map((field) => [toSnake(field), replace[field] ?? (schema.shape[field] as z.ZodType)])));
}

export const V1ReleaseBodySchema = v1Body(
  ReleaseInputSchema,
  ["name", "slug", "version", "isLatest", "isPublished", "preRelease", "showOnDownloadPage", "releaseDate", "releasePageId", "releaseNotesUrl"],
  {
    releaseDate: z.string().optional().meta({ description: "ISO 8601; without an offset it is UTC. Defaults to now." }),
    releasePageId: uri("pages/page").nullable().optional().meta({ description: "The CMS page of the release, as a v1 URI." }),
  },
).meta({ title: "V1ReleaseBody" });

export const V1ReleaseFileBodySchema = v1Body(ReleaseFileInputSchema, Object.keys(ReleaseFileInputSchema.shape), {
  osId: uri("downloads/os").meta({ description: "e.g. `/api/v1/downloads/os/1/`." }),
  releaseId: uri("downloads/release").meta({ description: "The release, e.g. `/api/v1/downloads/release/42/`." }),
}).meta({ title: "V1ReleaseFileBody" });

export const V1OsBodySchema = z.object({ name: z.string(), slug: z.string() }).meta({ title: "V1OperatingSystemBody" });
