// Release-file URL rules of legacy apps/downloads/models.py (validate_release_file_urls):
// every URL starts with https://www.python.org/ (old http:// rows stay valid until the
// field changes), and each sidecar is the artifact URL plus its suffix.
import type { FieldErrors } from "../../../core/errors.ts";

export const PYTHON_DOT_ORG_HTTPS = "https://www.python.org/";
export const HTTPS_ERROR = "Release file URLs must begin with 'https://www.python.org/'.";
export const DOWNLOAD_BUTTON_ERROR = 'Only one Release File per OS can have "Download button" enabled';

/** The URL fields of a release file, artifact first. */
export const FILE_URL_FIELDS = ["url", "gpgSignatureFile", "sigstoreSignatureFile", "sigstoreCertFile", "sigstoreBundleFile", "sbomSpdx2File"] as const;
export type FileUrlField = (typeof FILE_URL_FIELDS)[number];
export type FileUrls = Record<FileUrlField, string>;

export const SIDECAR_SUFFIXES: Record<Exclude<FileUrlField, "url">, string> = {
  gpgSignatureFile: ".asc",
  sigstoreSignatureFile: ".sig",
  sigstoreCertFile: ".crt",
  sigstoreBundleFile: ".sigstore",
  sbomSpdx2File: ".spdx.json",
};

/**
 * Field errors for a file's URLs; empty when valid. `previous` are the stored values of
 * an existing file, whose unchanged legacy http:// URLs are accepted.
 */
export function fileUrlErrors(values: FileUrls, previous?: FileUrls): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FILE_URL_FIELDS) {
    const value = values[field];
    if (!value || value.startsWith(PYTHON_DOT_ORG_HTTPS)) continue;
    if (previous === undefined || value !== previous[field]) (errors[field] ??= []).push(HTTPS_ERROR);
  }
  if (values.url) {
    for (const [field, suffix] of Object.entries(SIDECAR_SUFFIXES) as Array<[keyof typeof SIDECAR_SUFFIXES, string]>) {
      const sidecar = values[field];
      if (sidecar && sidecar !== values.url + suffix) {
        (errors[field] ??= []).push(`Sidecar URL must match the artifact URL plus '${suffix}'.`);
      }
    }
  }
  return errors;
}
