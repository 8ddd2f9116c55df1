// DRF shapes of legacy apps/downloads/serializers.py (HyperlinkedModelSerializer with
// URL_FIELD_NAME "resource_uri"): absolute URLs, fields in the serializers' order,
// date-times ending in Z; and request bodies parsed with DRF's field messages.
import { drfUrl } from "../../../../core/api/drf.ts";
import type { FieldErrors } from "../../../../core/errors.ts";
import type { OsView, ReleaseFileView, ReleaseView } from "../../queries.ts";
import { drfDate, idFromUri, parseBoolean, parseDateTime, parseInteger } from "../common.ts";

export const V2_PATHS = {
  os: "/api/v2/downloads/os/",
  release: "/api/v2/downloads/release/",
  file: "/api/v2/downloads/release_file/",
  page: "/api/v2/pages/page/",
} as const;

export function createV2Serializers(siteUrl: string) {
  const url = (path: string, id: number) => drfUrl(siteUrl, path, id);
  return {
    url,
    os: (os: OsView) => ({ name: os.name, slug: os.slug, resource_uri: url(V2_PATHS.os, os.id) }),
    release: (release: ReleaseView) => ({
      name: release.name,
      slug: release.slug,
      version: release.version,
      is_published: release.isPublished,
      is_latest: release.isLatest,
      release_date: drfDate(release.releaseDate),
      pre_release: release.preRelease,
      release_page: release.releasePageId === null ? null : url(V2_PATHS.page, release.releasePageId),
      release_notes_url: release.releaseNotesUrl,
      show_on_download_page: release.showOnDownloadPage,
      resource_uri: url(V2_PATHS.release, release.id),
    }),
    file: (file: ReleaseFileView) => ({
      name: file.name,
      slug: file.slug,
      os: url(V2_PATHS.os, file.osId),
      release: url(V2_PATHS.release, file.releaseId),
      description: file.description,
      is_source: file.isSource,
      url: file.url,
      gpg_signature_file: file.gpgSignatureFile,
      md5_sum: file.md5Sum,
      sha256_sum: file.sha256Sum,
      filesize: file.filesize,
      download_button: file.downloadButton,
      resource_uri: url(V2_PATHS.file, file.id),
      sigstore_signature_file: file.sigstoreSignatureFile,
      sigstore_cert_file: file.sigstoreCertFile,
      sigstore_bundle_file: file.sigstoreBundleFile,
      sbom_spdx2_file: file.sbomSpdx2File,
    }),
  };
}

type FieldType = "string" | "bool" | "int" | "datetime" | { link: string; nullable?: boolean };

/** One writable field: its API name, the service input name, its type, and whether creating requires it. */
export interface V2Field {
  api: string;
  input: string;
  type: FieldType;
  required?: boolean;
}

const text = (api: string, input: string, required = false): V2Field => ({ api, input, type: "string", required });

export const OS_FIELDS: V2Field[] = [text("name", "name", true), text("slug", "slug", true)];

export const RELEASE_FIELDS: V2Field[] = [
  text("name", "name", true),
  text("slug", "slug", true),
  { api: "version", input: "version", type: "int" },
  { api: "is_published", input: "isPublished", type: "bool" },
  { api: "is_latest", input: "isLatest", type: "bool" },
  { api: "release_date", input: "releaseDate", type: "datetime" },
  { api: "pre_release", input: "preRelease", type: "bool" },
  { api: "release_page", input: "releasePageId", type: { link: V2_PATHS.page, nullable: true } },
  text("release_notes_url", "releaseNotesUrl"),
  { api: "show_on_download_page", input: "showOnDownloadPage", type: "bool" },
];

export const FILE_FIELDS: V2Field[] = [
  text("name", "name", true),
  text("slug", "slug", true),
  { api: "os", input: "osId", type: { link: V2_PATHS.os }, required: true },
  { api: "release", input: "releaseId", type: { link: V2_PATHS.release }, required: true },
  text("description", "description"),
  { api: "is_source", input: "isSource", type: "bool" },
  text("url", "url", true),
  text("gpg_signature_file", "gpgSignatureFile"),
  text("md5_sum", "md5Sum"),
  text("sha256_sum", "sha256Sum"),
  { api: "filesize", input: "filesize", type: "int" },
  { api: "download_button", input: "downloadButton", type: "bool" },
  text("sigstore_signature_file", "sigstoreSignatureFile"),
  text("sigstore_cert_file", "sigstoreCertFile"),
  text("sigstore_bundle_file", "sigstoreBundleFile"),
  text("sbom_spdx2_file", "sbomSpdx2File"),
];

const DATETIME_MESSAGE = "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

/** Converts one present value; a string is the DRF message for a wrong one. */
function convert(type: FieldType, value: unknown): { value: unknown } | string {
  if (value === null) return typeof type === "object" && type.nullable ? { value: null } : "This field may not be null.";
  if (type === "string") return typeof value === "string" ? { value } : "Not a valid string.";
  if (type === "bool") {
    const parsed = parseBoolean(value);
    return parsed === undefined ? "Must be a valid boolean." : { value: parsed };
  }
  if (type === "int") {
    const parsed = parseInteger(value);
    return parsed === undefined ? "A valid integer is required." : { value: parsed };
  }
  if (type === "datetime") {
    const parsed = typeof value === "string" ? parseDateTime(value) : undefined;
    return parsed === undefined ? DATETIME_MESSAGE : { value: parsed };
  }
  if (typeof value !== "string") return `Incorrect type. Expected URL string, received ${typeof value}.`;
  const id = idFromUri(value, type.link);
  return id === undefined ? "Invalid hyperlink - No URL match." : { value: id };
}

/**
 * The writable fields of a JSON body as service input, overlaid on `base` (the stored
 * record for PUT and PATCH); `partial` (PATCH) does not require the required fields.
 */
export function parseV2Body(fields: V2Field[], body: Record<string, unknown>, options: { base?: Record<string, unknown>; partial: boolean }) {
  const values: Record<string, unknown> = { ...options.base };
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (!(field.api in body)) {
      if (field.required && !options.partial) errors[field.api] = ["This field is required."];
      continue;
    }
    const result = convert(field.type, body[field.api]);
    if (typeof result === "string") errors[field.api] = [result];
    else values[field.input] = result.value;
  }
  return { values, errors };
}
