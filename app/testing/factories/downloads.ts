// Test data for the downloads domain, written through the service: a few operating
// systems, a Python 3 and 2 line, a pre-release, a draft and the install manager, with
// the files release-tools would upload.
import type { DownloadsService, ReleaseFileInput } from "../../domains/downloads/index.ts";

const FTP = "https://www.python.org/ftp/python/";

/** A file of `version` (e.g. "3.14.0") named like release-tools names them, with every sidecar. */
export function fileInput(ids: { releaseId: number; osId: number }, version: string, name: string, artifact: string, extra: Partial<ReleaseFileInput> = {}): ReleaseFileInput {
  const url = `${FTP}${version.replace(/(a|b|rc)\d+$/, "")}/${artifact}`;
  const slug = `${version.replaceAll(".", "")}-${name.replace(/ /g, "-").replace(/[^a-zA-Z0-9_-]/g, "")}`.slice(0, 60);
  return {
    name,
    slug,
    ...ids,
    url,
    sha256Sum: "a".repeat(64),
    md5Sum: "b".repeat(32),
    filesize: 27_794_081,
    sigstoreBundleFile: `${url}.sigstore`,
    sbomSpdx2File: `${url}.spdx.json`,
    ...extra,
  };
}

export interface DownloadsFixture {
  os: { windows: number; macos: number; source: number };
  releases: { py3140: number; py3138: number; py3150a1: number; py2718: number; pymanager: number; draft: number };
}

/** Creates the fixture; every id is returned for the tests. */
export async function createDownloadsFixture(downloads: DownloadsService): Promise<DownloadsFixture> {
  const actor = "system" as const;
  const os = async (name: string, slug: string) => (await downloads.saveOperatingSystem({ input: { name, slug }, actor })).id;
  const windows = await os("Windows", "windows");
  const macos = await os("macOS", "macos");
  const source = await os("Source release", "source");
  const release = async (name: string, extra: Record<string, unknown> = {}) =>
    (await downloads.saveRelease({ input: { name, isPublished: true, content: `Notes for **${name}**.`, ...extra }, actor })).id;
  const py3138 = await release("Python 3.13.8", { releaseDate: new Date("2025-10-07T12:00:00Z") });
  const py3140 = await release("Python 3.14.0", { isLatest: true, releaseDate: new Date("2025-10-07T14:07:00Z") });
  const py3150a1 = await release("Python 3.15.0a1", { preRelease: true, releaseDate: new Date("2025-10-14T12:00:00Z") });
  const py2718 = await release("Python 2.7.18", { version: 2, isLatest: true, releaseDate: new Date("2020-04-20T12:00:00Z") });
  const pymanager = await release("Python install manager 25.0", { version: 100, slug: "pymanager-250", isLatest: true, releaseDate: new Date("2025-07-01T12:00:00Z") });
  const draft = await release("Python 3.14.1", { isPublished: false, releaseDate: new Date("2025-12-02T12:00:00Z") });
  const file = (input: ReleaseFileInput) => downloads.createFile({ input, actor });
  await file(fileInput({ releaseId: py3140, osId: source }, "3.14.0", "XZ compressed source tarball", "Python-3.14.0.tar.xz", { isSource: true, downloadButton: true }));
  await file(fileInput({ releaseId: py3140, osId: source }, "3.14.0", "Gzipped source tarball", "Python-3.14.0.tgz", { isSource: true }));
  await file(
    fileInput({ releaseId: py3140, osId: windows }, "3.14.0", "Windows installer (64-bit)", "python-3.14.0-amd64.exe", { downloadButton: true, description: "Recommended" }),
  );
  await file(fileInput({ releaseId: py3140, osId: windows }, "3.14.0", "Windows installer (32-bit)", "python-3.14.0.exe"));
  await file(fileInput({ releaseId: py3140, osId: macos }, "3.14.0", "macOS installer", "python-3.14.0-macos11.pkg", { downloadButton: true }));
  await file(fileInput({ releaseId: py3138, osId: source }, "3.13.8", "XZ compressed source tarball", "Python-3.13.8.tar.xz", { isSource: true, downloadButton: true }));
  await file(fileInput({ releaseId: py3150a1, osId: source }, "3.15.0a1", "XZ compressed source tarball", "Python-3.15.0a1.tar.xz", { isSource: true, downloadButton: true }));
  await file(
    fileInput({ releaseId: py2718, osId: source }, "2.7.18", "XZ compressed source tarball", "Python-2.7.18.tar.xz", {
      isSource: true,
      downloadButton: true,
      sigstoreBundleFile: "",
      sbomSpdx2File: "",
      gpgSignatureFile: `${FTP}2.7.18/Python-2.7.18.tar.xz.asc`,
      sha256Sum: "",
    }),
  );
  await file({
    name: "Windows install manager (MSIX)",
    slug: "pymanager-250-msix",
    releaseId: pymanager,
    osId: windows,
    url: `${FTP}pymanager/python-manager-25.0.msix`,
    downloadButton: true,
    filesize: 31_457_280,
  });
  return { os: { windows, macos, source }, releases: { py3140, py3138, py3150a1, py2718, pymanager, draft } };
}
