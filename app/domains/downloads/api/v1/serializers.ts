// tastypie shapes of legacy apps/downloads/api.py: relative `resource_uri`s, relations as
// URIs, no `id`, naive UTC date-times, keys sorted as tastypie's JSON serializer writes them.
import { resourceUri } from "../../../../core/api/tastypie.ts";
import type { OsView, ReleaseFileView, ReleaseView } from "../../queries.ts";
import type { OsInput, ReleaseFileInput, ReleaseInput } from "../../schemas.ts";
import { idFromUri, parseBoolean, parseDateTime, parseInteger, sortedKeys, tastypieDate } from "../common.ts";

export const V1 = "/api/v1/";
export const V1_PATHS = {
  os: `${V1}downloads/os/`,
  release: `${V1}downloads/release/`,
  file: `${V1}downloads/release_file/`,
  page: `${V1}pages/page/`,
} as const;

export function osToV1(os: OsView) {
  return sortedKeys({ name: os.name, slug: os.slug, resource_uri: resourceUri(V1_PATHS.os, os.id) });
}

export function releaseToV1(release: ReleaseView) {
  return sortedKeys({
    name: release.name,
    slug: release.slug,
    version: release.version,
    is_published: release.isPublished,
    is_latest: release.isLatest,
    release_date: tastypieDate(release.releaseDate),
    pre_release: release.preRelease,
    release_page: release.releasePageId === null ? null : resourceUri(V1_PATHS.page, release.releasePageId),
    release_notes_url: release.releaseNotesUrl,
    show_on_download_page: release.showOnDownloadPage,
    resource_uri: resourceUri(V1_PATHS.release, release.id),
  });
}

export function fileToV1(file: ReleaseFileView) {
  return sortedKeys({
    name: file.name,
    slug: file.slug,
    os: resourceUri(V1_PATHS.os, file.osId),
    release: resourceUri(V1_PATHS.release, file.releaseId),
    description: file.description,
    is_source: file.isSource,
    url: file.url,
    gpg_signature_file: file.gpgSignatureFile,
    md5_sum: file.md5Sum,
    sha256_sum: file.sha256Sum,
    filesize: file.filesize,
    download_button: file.downloadButton,
    sigstore_signature_file: file.sigstoreSignatureFile,
    sigstore_cert_file: file.sigstoreCertFile,
    sigstore_bundle_file: file.sigstoreBundleFile,
    sbom_spdx2_file: file.sbomSpdx2File,
    resource_uri: resourceUri(V1_PATHS.file, file.id),
  });
}

type Body = Record<string, unknown>;

/** A value the service's schema will reject with a clear message, for a field sent in the wrong shape. */
const INVALID = Symbol("invalid");
const keep = <T>(value: T | undefined, raw: unknown): T | typeof INVALID | undefined => (raw === undefined ? undefined : (value ?? INVALID));

/** Drops absent fields and turns INVALID markers into values the schema reports as wrong. */
function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value === INVALID ? null : value]),
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : value === null ? "" : undefined);

/** A tastypie POST body for an operating system as service input. */
export function osFromV1(body: Body): OsInput {
  return compact({ name: text(body.name), slug: text(body.slug) }) as OsInput;
}

/** A tastypie POST body for a release as service input (`release_page` is a page URI or null). */
export function releaseFromV1(body: Body): ReleaseInput {
  const date = typeof body.release_date === "string" ? parseDateTime(body.release_date) : undefined;
  return compact({
    name: text(body.name),
    slug: text(body.slug),
    version: keep(parseInteger(body.version), body.version),
    isLatest: keep(parseBoolean(body.is_latest), body.is_latest),
    isPublished: keep(parseBoolean(body.is_published), body.is_published),
    preRelease: keep(parseBoolean(body.pre_release), body.pre_release),
    showOnDownloadPage: keep(parseBoolean(body.show_on_download_page), body.show_on_download_page),
    releaseDate: keep(date, body.release_date),
    releasePageId: body.release_page === null ? null : keep(idFromUri(body.release_page, V1_PATHS.page), body.release_page),
    releaseNotesUrl: text(body.release_notes_url),
  }) as ReleaseInput;
}

/** A tastypie POST body for a release file as service input (`os` and `release` are resource URIs). */
export function fileFromV1(body: Body): ReleaseFileInput {
  return compact({
    name: text(body.name),
    slug: text(body.slug),
    osId: idFromUri(body.os, V1_PATHS.os) ?? INVALID,
    releaseId: idFromUri(body.release, V1_PATHS.release) ?? INVALID,
    description: text(body.description),
    isSource: keep(parseBoolean(body.is_source), body.is_source),
    url: text(body.url) ?? "",
    gpgSignatureFile: text(body.gpg_signature_file),
    sigstoreSignatureFile: text(body.sigstore_signature_file),
    sigstoreCertFile: text(body.sigstore_cert_file),
    sigstoreBundleFile: text(body.sigstore_bundle_file),
    sbomSpdx2File: text(body.sbom_spdx2_file),
    md5Sum: text(body.md5_sum),
    sha256Sum: text(body.sha256_sum),
    filesize: keep(parseInteger(body.filesize), body.filesize),
    downloadButton: keep(parseBoolean(body.download_button), body.download_button),
  }) as ReleaseFileInput;
}
