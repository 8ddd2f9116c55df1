// Legacy migrator for downloads_os, downloads_release and downloads_releasefile
// (python/pythondotorg:apps/downloads/models.py). Ids are kept: release tooling and the
// v1/v2 APIs address rows by id. Release notes carry their stored rendered HTML (untrusted;
// sanitised on output); the version columns are derived from the name; a version line
// with several "latest" releases (legacy kept the flag by signal only) keeps the newest.
import { clearMissingAuthors, clearMissingReferences, CONTENT_MANAGEABLE_COLUMNS, contentManageableFields } from "../../core/legacy/content-manageable.ts";
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, Migrator } from "../../core/legacy/types.ts";
import { derivedVersionFields } from "./schemas/versions.ts";

const OS_COLUMNS = ["name", "slug", ...CONTENT_MANAGEABLE_COLUMNS];
const RELEASE_COLUMNS = [
  "name",
  "slug",
  "version",
  "is_latest",
  "is_published",
  "pre_release",
  "show_on_download_page",
  "release_date",
  "release_page_id",
  "release_notes_url",
  "content",
  "content_markup_type",
  "content_rendered",
  "version_major",
  "version_minor",
  "version_patch",
  "pre_release_tag",
  "pre_release_number",
  ...CONTENT_MANAGEABLE_COLUMNS,
];
const FILE_COLUMNS = [
  "name",
  "slug",
  "os_id",
  "release_id",
  "description",
  "is_source",
  "url",
  "gpg_signature_file",
  "sigstore_signature_file",
  "sigstore_cert_file",
  "sigstore_bundle_file",
  "sbom_spdx2_file",
  "md5_sum",
  "sha256_sum",
  "filesize",
  "download_button",
  ...CONTENT_MANAGEABLE_COLUMNS,
];

/** Writes rows whose unique columns are free (or theirs), skipping the others with a reason. */
async function syncFree(ctx: BatchContext, table: string, unique: string[], columns: string[], rows: TargetRow[]): Promise<void> {
  let free = rows;
  for (const column of unique) {
    const taken = await takenByOthers(ctx.target, { table, columns: [column], key: "id" }, free);
    if (taken.size > 0) ctx.tally.skip(`${column} already used by another row of ${table} on the new site`, taken.size);
    free = free.filter((row) => !taken.has(row));
  }
  await syncRows(ctx, { table, key: ["id"], columns }, free);
}

async function writeOperatingSystems(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const systems: TargetRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    ...contentManageableFields(row),
  }));
  await clearMissingAuthors(ctx, systems);
  await syncFree(ctx, "operating_systems", ["slug"], OS_COLUMNS, systems);
}

function toRelease(row: LegacyRow, ctx: BatchContext): TargetRow {
  if (row.is_latest && !row.newest_latest) ctx.tally.note("another release of its version line is newer and also latest → not latest");
  const derived = derivedVersionFields(String(row.name));
  if (derived.versionMajor === null) ctx.tally.note('name is not "Python X.Y.Z" → no version fields');
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    version: row.version,
    is_latest: Boolean(row.is_latest && row.newest_latest),
    is_published: row.is_published,
    pre_release: row.pre_release,
    show_on_download_page: row.show_on_download_page,
    release_date: row.release_date,
    release_page_id: row.release_page_id,
    release_notes_url: row.release_notes_url,
    content: row.content,
    content_markup_type: row.content_markup_type,
    content_rendered: row._content_rendered,
    version_major: derived.versionMajor,
    version_minor: derived.versionMinor,
    version_patch: derived.versionPatch,
    pre_release_tag: derived.preReleaseTag,
    pre_release_number: derived.preReleaseNumber,
    ...contentManageableFields(row),
  };
}

async function writeReleases(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const releases = rows.map((row) => toRelease(row, ctx));
  await clearMissingAuthors(ctx, releases);
  await clearMissingReferences(ctx, releases, { columns: ["release_page_id"], table: "pages", label: "page" });
  await syncFree(ctx, "releases", ["slug"], RELEASE_COLUMNS, releases);
}

async function writeFiles(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const files: TargetRow[] = rows.map((row) => Object.fromEntries([["id", row.id], ...FILE_COLUMNS.map((column) => [column, row[column]])]));
  const [systems, releases] = await Promise.all([
    existingIds(
      ctx.target,
      "operating_systems",
      files.map((file) => file.os_id as number),
    ),
    existingIds(
      ctx.target,
      "releases",
      files.map((file) => file.release_id as number),
    ),
  ]);
  const orphans = files.filter((file) => !systems.has(file.os_id as number) || !releases.has(file.release_id as number));
  if (orphans.length > 0) ctx.tally.skip("its release or operating system was not migrated", orphans.length);
  const kept = files.filter((file) => !orphans.includes(file));
  await clearMissingAuthors(ctx, kept);
  await syncFree(ctx, "release_files", ["slug", "url"], FILE_COLUMNS, kept);
}

/** Operating systems, releases and files, after users (authors) and pages (old release notes). */
export const downloadsLegacyMigrator: Migrator = {
  name: "downloads",
  dependsOn: ["users", "pages"],
  steps: [
    {
      table: "downloads_os",
      target: "operating_systems",
      query: `SELECT o.id AS key, o.* FROM downloads_os AS o`,
      sequences: ["operating_systems"],
      write: writeOperatingSystems,
    },
    {
      table: "downloads_release",
      target: "releases",
      query: `SELECT r.id AS key, r.*,
                r.id = (SELECT l.id FROM downloads_release AS l WHERE l.version = r.version AND l.is_latest
                        ORDER BY l.release_date DESC, l.id DESC LIMIT 1) AS newest_latest
              FROM downloads_release AS r`,
      sequences: ["releases"],
      write: writeReleases,
    },
    {
      table: "downloads_releasefile",
      target: "release_files",
      query: `SELECT f.id AS key, f.* FROM downloads_releasefile AS f`,
      sequences: ["release_files"],
      write: writeFiles,
    },
  ],
};
