// The editors' release form (legacy ReleaseAdmin with its ReleaseFileInline): a release
// and its whole set of files saved in one transaction, files matched to the stored ones
// by slug; every write reports its before/after to an optional hook (the admin's audit).
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Prisma } from "../../../core/db/client.ts";
import type { Tx, WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, type FieldErrors, toAppError } from "../../../core/errors.ts";
import { actorId, assertCanEditDownloads, type Actor } from "../policies.ts";
import { fileSelect, releaseOrder, releaseSelect, type ReleaseQuery } from "../queries.ts";
import { DOWNLOAD_BUTTON_ERROR, FILE_URL_FIELDS, fileUrlErrors, type FileUrls } from "../schemas/file-urls.ts";
import { ReleaseFileInputSchema, type ReleaseFileInput, type ReleaseInput } from "../schemas.ts";
import { fileInputOf } from "./inputs.ts";
import type { DownloadsContext, ReleasePageChoice } from "./context.ts";
import type { createReleases, ReleaseWithFiles } from "./releases.ts";

export type ReleaseFileRow = Omit<ReleaseFileInput, "releaseId">;
export type ReleaseSortField = "name" | "releaseDate" | "version" | "isPublished";

type Releases = ReturnType<typeof createReleases>;

export function createReleaseEditor(ctx: DownloadsContext, releases: Releases) {
  const { db } = ctx;

  async function loadWithFiles(client: Tx | typeof db, id: number): Promise<ReleaseWithFiles | null> {
    const row = await client.release.findUnique({
      where: { id },
      select: { ...releaseSelect, files: { select: fileSelect, orderBy: [{ os: { slug: "asc" } }, { name: "asc" }, { id: "asc" }] } },
    });
    if (!row) return null;
    const [view] = await ctx.toViews([row]);
    return { ...view!, files: row.files };
  }

  /** The release with its files, or null. */
  async function getReleaseWithFiles(options: { id: number }): Promise<ReleaseWithFiles | null> {
    return loadWithFiles(db, options.id);
  }

  /** Releases for the admin list: text search on name and slug, ordered by a column, paged. */
  async function searchReleases(options: { q?: string; query?: ReleaseQuery; orderBy: { field: ReleaseSortField; direction: "asc" | "desc" }; offset: number; limit: number }) {
    const search: Prisma.ReleaseWhereInput = options.q
      ? { OR: [{ name: { contains: options.q, mode: "insensitive" } }, { slug: { contains: options.q, mode: "insensitive" } }] }
      : {};
    const where = { AND: [await ctx.releaseFilter(options.query), search] };
    const orderBy: Prisma.ReleaseOrderByWithRelationInput[] = [{ [options.orderBy.field]: options.orderBy.direction }, ...releaseOrder];
    const [total, rows] = await Promise.all([
      db.release.count({ where }),
      db.release.findMany({ where, orderBy, skip: options.offset, take: options.limit, select: releaseSelect }),
    ]);
    return { items: await ctx.toViews(rows), total };
  }

  /** Rule failures of the submitted files, as messages on the inline naming each file. */
  async function fileErrors(releaseId: number | undefined, files: ReleaseFileRow[]): Promise<FieldErrors> {
    const messages: string[] = [];
    const stored = releaseId
      ? await db.releaseFile.findMany({ where: { releaseId }, select: { slug: true, ...Object.fromEntries(FILE_URL_FIELDS.map((field) => [field, true])) } })
      : [];
    const previous = new Map(stored.map((file) => [file.slug, file as unknown as FileUrls]));
    const buttons = new Set<number>();
    for (const file of files) {
      for (const [field, errors] of Object.entries(fileUrlErrors(file as unknown as FileUrls, previous.get(file.slug)))) {
        messages.push(`${file.name} (${field}): ${errors.join(" ")}`);
      }
      if (file.downloadButton && buttons.has(file.osId)) messages.push(`${file.name}: ${DOWNLOAD_BUTTON_ERROR}`);
      if (file.downloadButton) buttons.add(file.osId);
    }
    const elsewhere = await db.releaseFile.findMany({
      where: { OR: [{ slug: { in: files.map((file) => file.slug) } }, { url: { in: files.map((file) => file.url) } }], ...(releaseId ? { releaseId: { not: releaseId } } : {}) },
      select: { slug: true, url: true },
    });
    for (const taken of elsewhere) messages.push(`A file of another release already uses the slug “${taken.slug}” or the URL ${taken.url}.`);
    const systems = new Set((await db.operatingSystem.findMany({ where: { id: { in: files.map((file) => file.osId) } }, select: { id: true } })).map((os) => os.id));
    for (const file of files) if (!systems.has(file.osId)) messages.push(`${file.name}: choose an existing operating system.`);
    return messages.length > 0 ? { files: messages } : {};
  }

  /** Makes the stored files of `releaseId` exactly `files`: updates by slug, creates the new, deletes the rest. */
  async function replaceFiles(tx: Tx, releaseId: number, files: ReleaseFileRow[], by: number | null): Promise<void> {
    const slugs = files.map((file) => file.slug);
    await tx.releaseFile.deleteMany({ where: { releaseId, slug: { notIn: slugs } } });
    // Clear buttons first so a button moving between two files never meets itself in the unique index.
    await tx.releaseFile.updateMany({ where: { releaseId }, data: { downloadButton: false } });
    for (const file of files) {
      const values = ReleaseFileInputSchema.parse({ ...file, releaseId });
      await tx.releaseFile.upsert({
        where: { slug: file.slug },
        create: { ...values, ...createdBy(by) },
        update: { ...values, ...modifiedBy(by) },
      });
    }
  }

  /**
   * Saves a release (create without `id`) and replaces its files with `files` in one
   * transaction, with every rule of the release and file writes; `onWrite` sees before and after.
   */
  async function saveReleaseWithFiles(options: {
    id?: number;
    input: ReleaseInput;
    files: ReleaseFileRow[];
    actor: Actor;
    onWrite?: WriteHook<ReleaseWithFiles>;
  }): Promise<ReleaseWithFiles> {
    assertCanEditDownloads(options.actor);
    const errors = await fileErrors(options.id, options.files);
    if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", "Some files are not valid.", { fields: errors });
    const before = options.id ? await loadWithFiles(db, options.id) : null;
    if (options.id && !before) throw new AppError("NOT_FOUND", "There is no such release.");
    try {
      const saved = await releases.saveRelease({
        id: options.id,
        input: options.input,
        actor: options.actor,
        afterWrite: async (tx, release) => {
          await replaceFiles(tx, release.id, options.files, actorId(options.actor));
          const after = await loadWithFiles(tx, release.id);
          await options.onWrite?.(tx, { before, after });
        },
      });
      return (await loadWithFiles(db, saved.id))!;
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Promotes each release to latest of its line (the admin's "make latest" action); returns how many. */
  async function makeLatestMany(options: { ids: number[]; actor: Actor; onWrite?: WriteHook<ReleaseWithFiles> }): Promise<number> {
    let changed = 0;
    for (const id of options.ids) {
      const before = await loadWithFiles(db, id);
      if (!before || before.isLatest) continue;
      await releases.makeLatest({ id, actor: options.actor, afterWrite: async (tx) => options.onWrite?.(tx, { before, after: await loadWithFiles(tx, id) }) });
      changed += 1;
    }
    return changed;
  }

  /** Deletes a release and its files, reporting the deleted record to `onWrite`. */
  async function deleteReleaseAudited(options: { id: number; actor: Actor; onWrite?: WriteHook<ReleaseWithFiles> }): Promise<void> {
    const before = await loadWithFiles(db, options.id);
    if (!before) throw new AppError("NOT_FOUND", "There is no such release.");
    await releases.deleteRelease({ id: options.id, actor: options.actor, beforeDelete: (tx) => options.onWrite?.(tx, { before, after: null }) ?? Promise.resolve() });
  }

  /** The stored file rows as editor input (release id left out). */
  function fileRows(release: ReleaseWithFiles): ReleaseFileRow[] {
    return release.files.map((file) => {
      const { releaseId: _releaseId, ...row } = fileInputOf(file);
      return row;
    });
  }

  /** The CMS pages a release can link to, for the admin's page select; empty when no pages module is bound. */
  async function releasePageChoices(options: { includeDrafts: boolean }): Promise<ReleasePageChoice[]> {
    return ctx.deps.releasePages ? ctx.deps.releasePages.releasePageChoices(options) : [];
  }

  return { getReleaseWithFiles, searchReleases, saveReleaseWithFiles, makeLatestMany, deleteReleaseAudited, fileRows, releasePageChoices };
}
