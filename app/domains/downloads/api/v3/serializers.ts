// API v3 shapes (api/v3/schemas.ts): absolute URLs, files inline, the minor version's
// support status from the release cycle table.
import type { OsView, ReleaseCycleView, ReleaseFileView } from "../../queries.ts";
import type { ReleaseWithFiles } from "../../service/releases.ts";
import { parseReleaseName } from "../../schemas/versions.ts";
import type { z } from "zod";
import type { OsSchema, ReleaseCycleSchema, ReleaseFileSchema, ReleaseSchema } from "./schemas.ts";

/** "3.14.0rc1" for "Python 3.14.0rc1", "25.0" for the install manager, "" otherwise. */
export function versionString(name: string): string {
  const parsed = parseReleaseName(name);
  if (!parsed) return "";
  const base = parsed.patch === null ? `${parsed.major}.${parsed.minor}` : `${parsed.major}.${parsed.minor}.${parsed.patch}`;
  return parsed.preReleaseTag ? `${base}${parsed.preReleaseTag}${parsed.preReleaseNumber}` : base;
}

export function createV3Serializers(siteUrl: string) {
  const absolute = (path: string) => new URL(path, siteUrl).toString();

  const file = (item: ReleaseFileView): z.infer<typeof ReleaseFileSchema> => ({
    name: item.name,
    slug: item.slug,
    os: { name: item.os.name, slug: item.os.slug },
    description: item.description,
    is_source: item.isSource,
    url: item.url,
    filesize: item.filesize,
    md5_sum: item.md5Sum,
    sha256_sum: item.sha256Sum,
    gpg_signature_file: item.gpgSignatureFile,
    sigstore_signature_file: item.sigstoreSignatureFile,
    sigstore_cert_file: item.sigstoreCertFile,
    sigstore_bundle_file: item.sigstoreBundleFile,
    sbom_spdx2_file: item.sbomSpdx2File,
    download_button: item.downloadButton,
  });

  const cycle = (item: ReleaseCycleView): z.infer<typeof ReleaseCycleSchema> => ({
    version: `${item.versionMajor}.${item.versionMinor}`,
    status: item.status as z.infer<typeof ReleaseCycleSchema>["status"],
    first_release: item.firstRelease,
    end_of_life: item.endOfLife,
    pep: item.pep,
    release_manager: item.releaseManager,
    resource_uri: absolute(`/api/v3/downloads/release-cycles/${item.versionMajor}.${item.versionMinor}/`),
  });

  const release = (item: ReleaseWithFiles, cycles: ReadonlyMap<string, ReleaseCycleView>): z.infer<typeof ReleaseSchema> => {
    const own = item.version <= 3 && item.versionMajor !== null ? cycles.get(`${item.versionMajor}.${item.versionMinor}`) : undefined;
    return {
      name: item.name,
      slug: item.slug,
      version: versionString(item.name),
      major: item.versionMajor,
      minor: item.versionMinor,
      patch: item.versionPatch,
      pre_release: item.preRelease,
      pre_release_tag: item.preReleaseTag as "a" | "b" | "rc" | null,
      pre_release_number: item.preReleaseNumber,
      line: item.version,
      is_latest: item.isLatest,
      is_published: item.isPublished,
      release_date: item.releaseDate.toISOString(),
      release_notes_url: item.releaseNotesUrl,
      url: absolute(item.url),
      resource_uri: absolute(`/api/v3/downloads/releases/${encodeURIComponent(item.slug)}/`),
      cycle: own
        ? {
            status: own.status as z.infer<typeof ReleaseCycleSchema>["status"],
            first_release: own.firstRelease,
            end_of_life: own.endOfLife,
            pep: own.pep,
            release_manager: own.releaseManager,
          }
        : null,
      files: item.files.map(file),
    };
  };

  const os = (item: OsView): z.infer<typeof OsSchema> => ({ name: item.name, slug: item.slug, url: absolute(`/downloads/${item.slug}/`) });

  return { release, file, cycle, os };
}
