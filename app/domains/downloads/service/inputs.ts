// Stored records as service input, for partial updates (API v2 PATCH, admin actions):
// the caller overlays the changed fields on these.
import type { OsView, ReleaseFileView, ReleaseView } from "../queries.ts";
import type { OsInput, ReleaseFileInput, ReleaseInput } from "../schemas.ts";

export function osInputOf(os: OsView): OsInput {
  return { name: os.name, slug: os.slug };
}

export function releaseInputOf(release: ReleaseView): ReleaseInput {
  return {
    name: release.name,
    slug: release.slug,
    version: release.version,
    isLatest: release.isLatest,
    isPublished: release.isPublished,
    preRelease: release.preRelease,
    showOnDownloadPage: release.showOnDownloadPage,
    releaseDate: release.releaseDate,
    releasePageId: release.releasePageId,
    releaseNotesUrl: release.releaseNotesUrl,
    content: release.content,
    contentMarkupType: release.contentMarkupType as ReleaseInput["contentMarkupType"],
  };
}

export function fileInputOf(file: ReleaseFileView): ReleaseFileInput {
  return {
    name: file.name,
    slug: file.slug,
    osId: file.osId,
    releaseId: file.releaseId,
    description: file.description,
    isSource: file.isSource,
    url: file.url,
    gpgSignatureFile: file.gpgSignatureFile,
    sigstoreSignatureFile: file.sigstoreSignatureFile,
    sigstoreCertFile: file.sigstoreCertFile,
    sigstoreBundleFile: file.sigstoreBundleFile,
    sbomSpdx2File: file.sbomSpdx2File,
    md5Sum: file.md5Sum,
    sha256Sum: file.sha256Sum,
    filesize: file.filesize,
    downloadButton: file.downloadButton,
  };
}
