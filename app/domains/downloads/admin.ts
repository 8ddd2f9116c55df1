// The downloads admin (legacy apps/downloads/admin.py): releases with their files inline,
// filters by version line, published and pre-release, a "make latest" action and the
// release-notes URL filled in from the name; operating systems; the release cycle.
import { z } from "zod";
import { defineAdminResource, type FieldSpec } from "../../core/admin/index.ts";
import { hasPermission } from "../../core/auth/permissions.ts";
import { toAppError } from "../../core/errors.ts";
import { dbIdTextSchema } from "../../core/http/ids.ts";
import { MARKUP_TYPES } from "../../core/markup/render.ts";
import type { OsView, ReleaseCycleView, ReleaseFileView, ReleaseView } from "./queries.ts";
import {
  OsInputSchema,
  type OsInput,
  RELEASE_CYCLE_STATUSES,
  ReleaseCycleInputSchema,
  type ReleaseCycleInput,
  ReleaseFileInputSchema,
  ReleaseInputSchema,
  SlugSchema,
  VersionLineSchema,
} from "./schemas.ts";
import type { DownloadsService } from "./service.ts";
import type { ReleaseSortField } from "./service/release-editor.ts";
import { defaultReleaseNotesUrl, slugify, VERSION_LINE_LABELS, VERSION_LINES } from "./schemas/versions.ts";

type ReleaseRow = ReleaseView & { files?: ReleaseFileView[] };

const YES_NO = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No" },
];
const flag = (value: string | undefined) => (value === undefined ? undefined : value === "1");
const LINE_CHOICES = VERSION_LINES.map((line) => ({ value: String(line), label: VERSION_LINE_LABELS[line] }));
const SORT_FIELDS: readonly ReleaseSortField[] = ["name", "releaseDate", "version", "isPublished"];

/** Browsers post select values as text. */
const FileRowSchema = ReleaseFileInputSchema.omit({ releaseId: true }).extend({
  osId: dbIdTextSchema("Choose an operating system."),
  slug: SlugSchema.optional(),
});

/**
 * A file's slug left empty is made from the release and file names ("Python 3.14.2" +
 * "XZ compressed source tarball" → python-3142-xz-compressed-source-tarball): file slugs are
 * unique across releases, so the file name alone would collide with the previous release's.
 * The form's script fills the same value as the editor types.
 */
export const fileSlugOf = (releaseName: string, fileName: string) => slugify(`${releaseName} ${fileName}`);

export const ReleaseAdminSchema = ReleaseInputSchema.extend({
  version: z.coerce.number({ error: "Choose a version line." }).pipe(VersionLineSchema),
  releasePageId: dbIdTextSchema("Choose a page.").nullable().default(null),
  files: z.array(FileRowSchema).max(100, "A release has at most 100 files.").default([]),
});
type ReleaseAdminInput = z.output<typeof ReleaseAdminSchema>;

function splitInput(input: ReleaseAdminInput, adding: boolean) {
  const { files, ...release } = input;
  // Legacy releaseAdmin.js filled the changelog URL as the editor typed the name of a new release.
  const releaseNotesUrl = release.releaseNotesUrl || (adding ? defaultReleaseNotesUrl(release.name) : "");
  return { release: { ...release, releaseNotesUrl }, files: files.map((file) => ({ ...file, slug: file.slug ?? fileSlugOf(release.name, file.name) })) };
}

const FILE_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name", widget: "text", maxLength: 200 },
  { name: "osId", label: "Operating system", widget: "select" },
  { name: "url", label: "URL", widget: "url", maxLength: 200, help: "https://www.python.org/ftp/python/…" },
  { name: "slug", label: "Slug", widget: "text", maxLength: 200, prepopulateFrom: ["form:name", "name"], help: "Left empty, it is made from the release and file names." },
  { name: "description", label: "Description", widget: "text" },
  { name: "filesize", label: "File size (bytes)", widget: "number" },
  { name: "isSource", label: "Source distribution", widget: "checkbox" },
  { name: "downloadButton", label: "Download button", widget: "checkbox", help: "The file offered first for its operating system (one per system)." },
  { name: "sha256Sum", label: "SHA-256 sum", widget: "text", maxLength: 200 },
  { name: "md5Sum", label: "MD5 sum", widget: "text", maxLength: 200 },
  { name: "gpgSignatureFile", label: "GPG signature URL", widget: "url", maxLength: 200 },
  { name: "sigstoreSignatureFile", label: "Sigstore signature URL", widget: "url", maxLength: 200 },
  { name: "sigstoreCertFile", label: "Sigstore certificate URL", widget: "url", maxLength: 200 },
  { name: "sigstoreBundleFile", label: "Sigstore bundle URL", widget: "url", maxLength: 200 },
  { name: "sbomSpdx2File", label: "SPDX-2 SBOM URL", widget: "url", maxLength: 200 },
];
const FOLDED_FILE_FIELDS = ["sha256Sum", "md5Sum", "gpgSignatureFile", "sigstoreSignatureFile", "sigstoreCertFile", "sigstoreBundleFile", "sbomSpdx2File"];

const fileValues = (file: ReleaseFileView) => ({
  name: file.name,
  slug: file.slug,
  osId: String(file.osId),
  description: file.description,
  url: file.url,
  gpgSignatureFile: file.gpgSignatureFile,
  sigstoreSignatureFile: file.sigstoreSignatureFile,
  sigstoreCertFile: file.sigstoreCertFile,
  sigstoreBundleFile: file.sigstoreBundleFile,
  sbomSpdx2File: file.sbomSpdx2File,
  md5Sum: file.md5Sum,
  sha256Sum: file.sha256Sum,
  filesize: String(file.filesize),
  isSource: file.isSource,
  downloadButton: file.downloadButton,
});

/** The admin registration of releases with their files inline. */
export function releasesAdmin(downloads: DownloadsService) {
  return defineAdminResource<ReleaseRow, ReleaseAdminInput>({
    appLabel: "downloads",
    model: "release",
    verboseName: "release",
    verboseNamePlural: "releases",
    listColumns: [
      { name: "name", label: "Name", value: (release) => release.name, sortable: true },
      {
        name: "version",
        label: "Version",
        value: (release) => VERSION_LINE_LABELS[release.version as keyof typeof VERSION_LINE_LABELS] ?? String(release.version),
        sortable: true,
      },
      { name: "isPublished", label: "Published", value: (release) => release.isPublished, sortable: true },
      { name: "preRelease", label: "Pre-release", value: (release) => release.preRelease },
      { name: "isLatest", label: "Latest", value: (release) => release.isLatest },
      { name: "showOnDownloadPage", label: "On download page", value: (release) => release.showOnDownloadPage },
      { name: "releaseDate", label: "Release date", value: (release) => release.releaseDate, sortable: true },
    ],
    searchFields: ["name", "slug"],
    filters: [
      { name: "version", label: "Version", choices: LINE_CHOICES },
      { name: "published", label: "Published", choices: YES_NO },
      { name: "prerelease", label: "Pre-release", choices: YES_NO },
      { name: "downloadpage", label: "On download page", choices: YES_NO },
    ],
    defaultOrdering: "-releaseDate",
    perPage: 100,
    form: {
      schema: ReleaseAdminSchema,
      fields: [
        {
          name: "name",
          label: "Name",
          widget: "text",
          required: true,
          maxLength: 200,
          help: 'Python 3.X.YaN: "Python 3.14.0", "Python 3.15.0b2", "Python 3.14.1rc1", or "Python install manager 25.0".',
        },
        { name: "slug", label: "Slug", widget: "text", maxLength: 200, prepopulateFrom: ["name"], help: "Left empty, it is made from the name (python-3140)." },
        { name: "version", label: "Version", widget: "select", required: true, choices: LINE_CHOICES },
        { name: "isPublished", label: "Is published?", widget: "checkbox", help: "Whether or not this should be considered a released/published version." },
        { name: "isLatest", label: "Is this the latest release?", widget: "checkbox", help: "Latest of its version line; the previous latest is demoted." },
        { name: "preRelease", label: "Pre-release", widget: "checkbox", help: "Alpha, beta and release candidate versions." },
        { name: "showOnDownloadPage", label: "Show on download page", widget: "checkbox" },
        { name: "releaseDate", label: "Release date (UTC)", widget: "datetime" },
        {
          name: "releaseNotesUrl",
          label: "Release notes URL",
          widget: "url",
          maxLength: 200,
          help: "Left empty on a new release, it is filled in from the name (the changelog, or What's New for pre-releases).",
        },
        { name: "releasePageId", label: "Release page", widget: "select", help: "The CMS page with the notes of an old release, when the notes field is empty." },
        { name: "contentMarkupType", label: "Notes markup", widget: "select", choices: MARKUP_TYPES.map((type) => ({ value: type, label: type })) },
        { name: "content", label: "Notes", widget: "markup", markupTypeField: "contentMarkupType" },
      ],
    },
    inlines: [
      {
        name: "files",
        label: "Release files",
        itemLabel: "File",
        fields: FILE_FIELDS,
        extra: 3,
        max: 100,
        folded: { summary: "Checksums and signature URLs", fields: FOLDED_FILE_FIELDS },
      },
    ],
    initialValues: { version: "3", showOnDownloadPage: true, contentMarkupType: "markdown", files: [] },
    loadChoices: async ({ user }) => {
      // Drafts only for editors who may see them in the pages admin.
      const includeDrafts = hasPermission(user, "pages.view_page") || hasPermission(user, "pages.change_page");
      const [systems, pages] = await Promise.all([downloads.findOperatingSystems(), downloads.releasePageChoices({ includeDrafts })]);
      return {
        osId: systems.map((os) => ({ value: String(os.id), label: os.name })),
        releasePageId: pages.map((page) => ({ value: String(page.id), label: `${page.url} — ${page.title || "untitled"}` })),
      };
    },
    bulkActions: [
      {
        name: "make_latest",
        label: "Make latest of its version line",
        permission: "change",
        run: ({ user, ids, onWrite }) => downloads.makeLatestMany({ ids, actor: user, onWrite }),
      },
    ],
    async list({ query }) {
      const field = SORT_FIELDS.find((name) => name === query.ordering.field) ?? "releaseDate";
      // A version line the filter does not offer matches nothing (never a NaN or 1e308 for the database).
      const line = query.filters.version === undefined ? undefined : (VERSION_LINES.find((value) => String(value) === query.filters.version) ?? -1);
      const { items, total } = await downloads.searchReleases({
        q: query.search,
        query: {
          ...(line === undefined ? {} : { version: { equals: line } }),
          isPublished: flag(query.filters.published),
          preRelease: flag(query.filters.prerelease),
          showOnDownloadPage: flag(query.filters.downloadpage),
        },
        orderBy: { field, direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => downloads.getReleaseWithFiles({ id }),
    create({ user, input, onWrite }) {
      const { release, files } = splitInput(input, true);
      return downloads.saveReleaseWithFiles({ input: release, files, actor: user, onWrite });
    },
    update({ user, id, input, onWrite }) {
      const { release, files } = splitInput(input, false);
      return downloads.saveReleaseWithFiles({ id, input: release, files, actor: user, onWrite });
    },
    delete: ({ user, id, onWrite }) => downloads.deleteReleaseAudited({ id, actor: user, onWrite }),
    toFormValues: (release) => ({
      name: release.name,
      slug: release.slug,
      version: String(release.version),
      isPublished: release.isPublished,
      isLatest: release.isLatest,
      preRelease: release.preRelease,
      showOnDownloadPage: release.showOnDownloadPage,
      releaseDate: release.releaseDate.toISOString().slice(0, 16),
      releaseNotesUrl: release.releaseNotesUrl,
      releasePageId: release.releasePageId === null ? "" : String(release.releasePageId),
      contentMarkupType: release.contentMarkupType,
      content: release.content,
      files: (release.files ?? []).map(fileValues),
    }),
    idOf: (release) => release.id,
    toRepr: (release) => release.name,
    viewOnSite: (release) => (release.slug ? `/downloads/release/${encodeURIComponent(release.slug)}/` : null),
    toAuditSnapshot: (release) => ({
      name: release.name,
      slug: release.slug,
      version: release.version,
      isPublished: release.isPublished,
      isLatest: release.isLatest,
      preRelease: release.preRelease,
      showOnDownloadPage: release.showOnDownloadPage,
      releaseDate: release.releaseDate.toISOString(),
      releaseNotesUrl: release.releaseNotesUrl,
      releasePageId: release.releasePageId,
      contentMarkupType: release.contentMarkupType,
      content: release.content,
      files: (release.files ?? []).map((file) => ({ slug: file.slug, osId: file.osId, url: file.url, sha256Sum: file.sha256Sum, downloadButton: file.downloadButton })),
    }),
  });
}

/** The admin registration of operating systems. */
export function operatingSystemsAdmin(downloads: DownloadsService) {
  return defineAdminResource<OsView, OsInput>({
    appLabel: "downloads",
    model: "os",
    verboseName: "operating system",
    verboseNamePlural: "operating systems",
    listColumns: [
      { name: "name", label: "Name", value: (os) => os.name, sortable: true },
      { name: "slug", label: "Slug", value: (os) => os.slug },
    ],
    searchFields: ["name"],
    filters: [],
    defaultOrdering: "name",
    perPage: 100,
    form: {
      schema: OsInputSchema,
      fields: [
        { name: "name", label: "Name", widget: "text", required: true, maxLength: 200 },
        { name: "slug", label: "Slug", widget: "text", required: true, maxLength: 200, help: "The page is /downloads/<slug>/." },
      ],
    },
    async list({ query }) {
      // A handful of rows: ordered and paged here.
      const all = await downloads.findOperatingSystems({ query: query.search ? { name: { contains: query.search, insensitive: true } } : {} });
      const ordered = query.ordering.direction === "desc" ? [...all].reverse() : all;
      return { rows: ordered.slice(query.offset, query.offset + query.limit), total: all.length };
    },
    load: ({ id }) => downloads.getOperatingSystem({ id }).catch(nullWhenMissing),
    create: ({ user, input }) => downloads.saveOperatingSystem({ input, actor: user }),
    update: ({ user, id, input }) => downloads.saveOperatingSystem({ id, input, actor: user }),
    delete: ({ user, id }) => downloads.deleteOperatingSystem({ id, actor: user }),
    toFormValues: (os) => ({ name: os.name, slug: os.slug }),
    idOf: (os) => os.id,
    toRepr: (os) => os.name,
    toAuditSnapshot: (os) => ({ name: os.name, slug: os.slug }),
  });
}

/** The admin registration of the release cycle table (one row per minor version). */
export function releaseCyclesAdmin(downloads: DownloadsService) {
  return defineAdminResource<ReleaseCycleView, ReleaseCycleInput>({
    appLabel: "downloads",
    model: "releasecycle",
    verboseName: "release cycle entry",
    verboseNamePlural: "release cycle",
    listColumns: [
      { name: "version", label: "Version", value: (cycle) => `${cycle.versionMajor}.${cycle.versionMinor}`, sortable: true },
      { name: "status", label: "Status", value: (cycle) => cycle.status },
      { name: "firstRelease", label: "First release", value: (cycle) => cycle.firstRelease },
      { name: "endOfLife", label: "End of life", value: (cycle) => cycle.endOfLife },
      { name: "pep", label: "PEP", value: (cycle) => cycle.pep },
    ],
    searchFields: [],
    filters: [{ name: "status", label: "Status", choices: RELEASE_CYCLE_STATUSES.map((status) => ({ value: status, label: status })) }],
    defaultOrdering: "-version",
    perPage: 100,
    form: {
      schema: ReleaseCycleInputSchema,
      fields: [
        { name: "versionMajor", label: "Major version", widget: "number", required: true },
        { name: "versionMinor", label: "Minor version", widget: "number", required: true },
        { name: "status", label: "Status", widget: "select", required: true, choices: RELEASE_CYCLE_STATUSES.map((status) => ({ value: status, label: status })) },
        { name: "firstRelease", label: "First release", widget: "text", maxLength: 10, help: "YYYY-MM-DD, or YYYY-MM while planned." },
        { name: "endOfLife", label: "End of life", widget: "text", maxLength: 10, help: "YYYY-MM-DD, or YYYY-MM while planned." },
        { name: "pep", label: "Release schedule PEP", widget: "number" },
        { name: "releaseManager", label: "Release manager", widget: "text", maxLength: 100 },
      ],
    },
    async list({ query }) {
      const all = (await downloads.listReleaseCycles()).filter((cycle) => !query.filters.status || cycle.status === query.filters.status);
      const ordered = query.ordering.direction === "asc" ? [...all].reverse() : all;
      return { rows: ordered.slice(query.offset, query.offset + query.limit), total: all.length };
    },
    load: ({ id }) => downloads.getReleaseCycle({ id }).catch(nullWhenMissing),
    create: ({ user, input }) => downloads.saveReleaseCycle({ input, actor: user }),
    update: ({ user, id, input }) => downloads.saveReleaseCycle({ id, input, actor: user }),
    delete: ({ user, id }) => downloads.deleteReleaseCycle({ id, actor: user }),
    toFormValues: (cycle) => ({
      versionMajor: String(cycle.versionMajor),
      versionMinor: String(cycle.versionMinor),
      status: cycle.status,
      firstRelease: cycle.firstRelease,
      endOfLife: cycle.endOfLife,
      pep: cycle.pep === null ? "" : String(cycle.pep),
      releaseManager: cycle.releaseManager,
    }),
    idOf: (cycle) => cycle.id,
    toRepr: (cycle) => `Python ${cycle.versionMajor}.${cycle.versionMinor}`,
    toAuditSnapshot: (cycle) => ({ ...cycle, created: undefined, updated: undefined }),
  });
}

function nullWhenMissing(error: unknown): null {
  if (toAppError(error)?.code === "NOT_FOUND") return null;
  throw error;
}

/** Every downloads admin registration. */
export function downloadsAdmin(downloads: DownloadsService) {
  return [releasesAdmin(downloads), operatingSystemsAdmin(downloads), releaseCyclesAdmin(downloads)];
}
