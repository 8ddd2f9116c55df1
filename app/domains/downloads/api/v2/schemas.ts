// The legacy v2 (DRF) response shapes as zod schemas, field for field in serializer
// order (legacy apps/downloads/serializers.py); tests hold every v2 answer to them.
import { z } from "zod";

const drfDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/, "DRF date-time ending in Z");

export const V2OsSchema = z.strictObject({ name: z.string(), slug: z.string(), resource_uri: z.url() });

export const V2ReleaseSchema = z.strictObject({
  name: z.string(),
  slug: z.string(),
  version: z.number().int(),
  is_published: z.boolean(),
  is_latest: z.boolean(),
  release_date: drfDateTime,
  pre_release: z.boolean(),
  release_page: z.url().nullable(),
  release_notes_url: z.string(),
  show_on_download_page: z.boolean(),
  resource_uri: z.url(),
});

export const V2ReleaseFileSchema = z.strictObject({
  name: z.string(),
  slug: z.string(),
  os: z.url(),
  release: z.url(),
  description: z.string(),
  is_source: z.boolean(),
  url: z.url(),
  gpg_signature_file: z.string(),
  md5_sum: z.string(),
  sha256_sum: z.string(),
  filesize: z.number().int(),
  download_button: z.boolean(),
  resource_uri: z.url(),
  sigstore_signature_file: z.string(),
  sigstore_cert_file: z.string(),
  sigstore_bundle_file: z.string(),
  sbom_spdx2_file: z.string(),
});

/** `{"field": ["message", …]}` validation errors, and `{"detail": "…"}` for everything else. */
export const V2FieldErrorsSchema = z.record(z.string(), z.array(z.string()));
export const V2DetailSchema = z.strictObject({ detail: z.string() });
