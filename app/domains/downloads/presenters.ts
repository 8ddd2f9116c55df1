// Pure shaping of download data for the HTML pages: the legacy template filters of
// apps/downloads/templatetags/download_tags.py (sort_windows, has_*, wbr_wrap) and
// Django's filesizeformat.

const WINDOWS_ORDER = [
  "Windows installer (64-bit)",
  "Windows installer (32-bit)",
  "Windows installer (ARM64)",
  "Windows help file",
  "Windows embeddable package (64-bit)",
  "Windows embeddable package (32-bit)",
  "Windows embeddable package (ARM64)",
];

/** Legacy sort_windows: non-Windows files keep their order; Windows files follow, preferred ones first. */
export function sortWindows<File extends { name: string }>(files: readonly File[]): File[] {
  const rest = [...files];
  const windows: File[] = [];
  for (const preferred of WINDOWS_ORDER) {
    const index = rest.findIndex((file) => file.name === preferred);
    if (index >= 0) windows.push(...rest.splice(index, 1));
  }
  return [...rest.filter((file) => !file.name.startsWith("Windows")), ...windows, ...rest.filter((file) => file.name.startsWith("Windows"))];
}

const UNITS = ["KB", "MB", "GB", "TB", "PB"];

/** Django's filesizeformat: "1 byte", "512 bytes", "26.5 MB" (powers of 1024, no-break space). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}\u00a0${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)}\u00a0${UNITS[unit]}`;
}

/** Legacy wbr_wrap: a checksum cut into 16-character chunks, in two halves that wrap first. */
export function checksumHalves(value: string): [string[], string[]] {
  const chunks: string[] = [];
  for (let index = 0; index < value.length; index += 16) chunks.push(value.slice(index, index + 16));
  const middle = Math.floor(chunks.length / 2);
  return [chunks.slice(0, middle), chunks.slice(middle)];
}

export interface FileRowSource {
  name: string;
  url: string;
  description: string;
  filesize: number;
  gpgSignatureFile: string;
  sigstoreSignatureFile: string;
  sigstoreCertFile: string;
  sigstoreBundleFile: string;
  sbomSpdx2File: string;
  md5Sum: string;
  sha256Sum: string;
  os: { name: string; slug: string };
}

export interface FileTable {
  columns: { sigstore: boolean; sbom: boolean; gpg: boolean; checksum: "sha256" | "md5" | null };
  rows: Array<{
    name: string;
    url: string;
    osName: string;
    description: string;
    size: string;
    sigstoreBundle: string;
    sigstoreCert: string;
    sigstoreSignature: string;
    sbom: string;
    gpg: string;
    checksum: { value: string; halves: [string[], string[]] } | null;
  }>;
}

/**
 * The release page's files table: source files first, then the other systems by slug and
 * name, Windows files last in their preferred order (legacy DownloadReleaseDetail + sort_windows).
 */
export function fileTable(files: readonly FileRowSource[]): FileTable {
  const byName = (a: FileRowSource, b: FileRowSource) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const source = files.filter((file) => file.os.slug === "source").sort(byName);
  const others = files.filter((file) => file.os.slug !== "source").sort((a, b) => (a.os.slug < b.os.slug ? -1 : a.os.slug > b.os.slug ? 1 : byName(a, b)));
  const ordered = sortWindows([...source, ...others]);
  const checksum = ordered.some((file) => file.sha256Sum) ? "sha256" : ordered.some((file) => file.md5Sum) ? "md5" : null;
  return {
    columns: {
      sigstore: ordered.some((file) => file.sigstoreBundleFile || file.sigstoreCertFile || file.sigstoreSignatureFile),
      sbom: ordered.some((file) => file.sbomSpdx2File),
      gpg: ordered.some((file) => file.gpgSignatureFile),
      checksum,
    },
    rows: ordered.map((file) => {
      const value = checksum === "sha256" ? file.sha256Sum : checksum === "md5" ? file.md5Sum : "";
      return {
        name: file.name,
        url: file.url,
        osName: file.os.name,
        description: file.description,
        size: formatFileSize(file.filesize),
        sigstoreBundle: file.sigstoreBundleFile,
        sigstoreCert: file.sigstoreCertFile,
        sigstoreSignature: file.sigstoreSignatureFile,
        sbom: file.sbomSpdx2File,
        gpg: file.gpgSignatureFile,
        checksum: value ? { value, halves: checksumHalves(value) } : null,
      };
    }),
  };
}

/** Legacy ReleaseFeed.item_description: Python's str(datetime) of the release date in UTC. */
export function pythonDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}+00:00`;
}
