// Demo downloads written through the downloads service: operating systems, recent
// releases with the files release-tools uploads, the install manager and the release
// cycle. Release names, dates, schedule PEPs and support dates are public facts; sizes
// and checksums are made up. Idempotent: rows are keyed by slug (cycles by version).
import { createHash } from "node:crypto";
import type { ReleaseCycleInput, ReleaseFileInput } from "./schemas.ts";
import type { DownloadsService } from "./service.ts";
import { defaultReleaseNotesUrl } from "./schemas/versions.ts";

const FTP = "https://www.python.org/ftp/python";
const actor = "system" as const;

const SYSTEMS = [
  { name: "Windows", slug: "windows" },
  { name: "macOS", slug: "macos" },
  { name: "Source release", slug: "source" },
  { name: "Android", slug: "android" },
  { name: "iOS", slug: "ios" },
];

interface DemoRelease {
  name: string;
  date: string;
  version?: number;
  latest?: boolean;
  files: Array<[os: string, name: string, artifact: string, button?: boolean, description?: string]>;
}

const windows = (v: string): DemoRelease["files"] => [
  ["windows", "Windows installer (64-bit)", `python-${v}-amd64.exe`, true, "Recommended"],
  ["windows", "Windows installer (ARM64)", `python-${v}-arm64.exe`, false, "Experimental"],
  ["windows", "Windows installer (32-bit)", `python-${v}.exe`],
  ["windows", "Windows embeddable package (64-bit)", `python-${v}-embed-amd64.zip`],
];
const sources = (v: string): DemoRelease["files"] => [
  ["source", "Gzipped source tarball", `Python-${v}.tgz`],
  ["source", "XZ compressed source tarball", `Python-${v}.tar.xz`, true],
];
const macos = (v: string, description: string): DemoRelease["files"] => [["macos", "macOS 64-bit universal2 installer", `python-${v}-macos11.pkg`, true, description]];

const RELEASES: DemoRelease[] = [
  {
    name: "Python 3.14.0",
    date: "2025-10-07T14:07:00Z",
    latest: true,
    files: [
      ...sources("3.14.0"),
      ...windows("3.14.0"),
      ...macos("3.14.0", "for macOS 10.15 and later"),
      ["android", "Android embeddable package (aarch64)", "python-3.14.0-aarch64-linux-android.tar.gz", true],
      ["ios", "iOS XCframework", "python-3.14.0-iOS-XCframework.tar.gz", true],
    ],
  },
  { name: "Python 3.15.0a1", date: "2025-10-14T12:00:00Z", files: [...sources("3.15.0a1"), ...windows("3.15.0a1")] },
  { name: "Python 3.13.8", date: "2025-10-07T12:00:00Z", files: [...sources("3.13.8"), ...windows("3.13.8"), ...macos("3.13.8", "for macOS 10.13 and later")] },
  { name: "Python 3.12.11", date: "2025-06-03T12:00:00Z", files: sources("3.12.11") },
  { name: "Python 3.11.13", date: "2025-06-03T12:00:00Z", files: sources("3.11.13") },
  { name: "Python 3.10.18", date: "2025-06-03T12:00:00Z", files: sources("3.10.18") },
  { name: "Python 3.9.23", date: "2025-06-03T12:00:00Z", files: sources("3.9.23") },
  {
    name: "Python 2.7.18",
    date: "2020-04-20T12:00:00Z",
    version: 2,
    latest: true,
    files: [...sources("2.7.18"), ["windows", "Windows x86-64 MSI installer", "python-2.7.18.amd64.msi", true]],
  },
  {
    name: "Python install manager 25.0",
    date: "2025-07-01T12:00:00Z",
    version: 100,
    latest: true,
    files: [["windows", "Windows install manager (MSIX)", "pymanager/python-manager-25.0.msix", true]],
  },
];

const CYCLE: ReleaseCycleInput[] = [
  { versionMajor: 3, versionMinor: 15, status: "feature", firstRelease: "2026-10-01", endOfLife: "2031-10", pep: 790, releaseManager: "Hugo van Kemenade" },
  { versionMajor: 3, versionMinor: 14, status: "bugfix", firstRelease: "2025-10-07", endOfLife: "2030-10", pep: 745, releaseManager: "Hugo van Kemenade" },
  { versionMajor: 3, versionMinor: 13, status: "bugfix", firstRelease: "2024-10-07", endOfLife: "2029-10", pep: 719, releaseManager: "Thomas Wouters" },
  { versionMajor: 3, versionMinor: 12, status: "security", firstRelease: "2023-10-02", endOfLife: "2028-10", pep: 693, releaseManager: "Thomas Wouters" },
  { versionMajor: 3, versionMinor: 11, status: "security", firstRelease: "2022-10-24", endOfLife: "2027-10", pep: 664, releaseManager: "Pablo Galindo Salgado" },
  { versionMajor: 3, versionMinor: 10, status: "security", firstRelease: "2021-10-04", endOfLife: "2026-10", pep: 619, releaseManager: "Pablo Galindo Salgado" },
  { versionMajor: 3, versionMinor: 9, status: "end-of-life", firstRelease: "2020-10-05", endOfLife: "2025-10-31", pep: 596, releaseManager: "Łukasz Langa" },
];

const digest = (text: string, algorithm: "sha256" | "md5") => createHash(algorithm).update(text).digest("hex");

function fileInput(release: { id: number; slug: string }, osIds: Map<string, number>, entry: DemoRelease["files"][number], version: string): ReleaseFileInput {
  const [os, name, artifact, button = false, description = ""] = entry;
  const url = artifact.includes("/") ? `${FTP}/${artifact}` : `${FTP}/${version.replace(/(a|b|rc)\d+$/, "")}/${artifact}`;
  const modern = !version.startsWith("2.");
  return {
    name,
    slug: `${release.slug}-${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/-$/, "")}`.slice(0, 200),
    osId: osIds.get(os)!,
    releaseId: release.id,
    description,
    isSource: os === "source",
    url,
    sha256Sum: modern ? digest(url, "sha256") : "",
    md5Sum: digest(url, "md5"),
    filesize: 20_000_000 + (parseInt(digest(url, "md5").slice(0, 6), 16) % 10_000_000),
    downloadButton: button,
    gpgSignatureFile: modern ? "" : `${url}.asc`,
    sigstoreBundleFile: modern ? `${url}.sigstore` : "",
    sbomSpdx2File: modern && os !== "windows" ? `${url}.spdx.json` : "",
  };
}

/** Writes the demo downloads (idempotent) and returns counts. */
export async function seedDownloadsDemo(downloads: DownloadsService): Promise<{ releases: number; files: number }> {
  const osIds = new Map((await downloads.findOperatingSystems()).map((os) => [os.slug, os.id]));
  for (const os of SYSTEMS) {
    if (!osIds.has(os.slug)) osIds.set(os.slug, (await downloads.saveOperatingSystem({ input: os, actor })).id);
  }
  let releases = 0;
  let files = 0;
  for (const demo of RELEASES) {
    const version = demo.name.replace(/^Python (install manager )?/, "");
    const slug = demo.version === 100 ? `pymanager-${version.replaceAll(".", "")}` : `python-${version.replaceAll(".", "")}`;
    if ((await downloads.countReleases({ query: { slug: { equals: slug } } })) > 0) continue;
    const release = await downloads.saveRelease({
      input: {
        name: demo.name,
        slug,
        version: demo.version ?? 3,
        isLatest: demo.latest ?? false,
        isPublished: true,
        preRelease: /(a|b|rc)\d+$/.test(version),
        releaseDate: new Date(demo.date),
        releaseNotesUrl: defaultReleaseNotesUrl(demo.name),
        content: `${demo.name} is available. See the changelog for the full list of changes.`,
      },
      actor,
    });
    releases += 1;
    for (const entry of demo.files) {
      await downloads.createFile({ input: fileInput(release, osIds, entry, version), actor });
      files += 1;
    }
  }
  const cycles = new Set((await downloads.listReleaseCycles()).map((cycle) => `${cycle.versionMajor}.${cycle.versionMinor}`));
  for (const input of CYCLE) {
    if (!cycles.has(`${input.versionMajor}.${input.versionMinor}`)) await downloads.saveReleaseCycle({ input, actor });
  }
  return { releases, files };
}
