// Release files: queries and writes with legacy's rules (python.org URLs only, sidecars
// match the artifact, one download button per OS and release, unique slug and URL).
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, type FieldErrors } from "../../../core/errors.ts";
import { enqueueReleaseEffects } from "./effects.ts";
import { actorId, assertCanEditDownloads, type Actor } from "../policies.ts";
import { fileOrder, fileSelect, fileWhere, type FileQuery, type ReleaseFileView } from "../queries.ts";
import { DOWNLOAD_BUTTON_ERROR, FILE_URL_FIELDS, fileUrlErrors, type FileUrls } from "../schemas/file-urls.ts";
import { ReleaseFileInputSchema, type ReleaseFileInput, type ReleaseFileValues } from "../schemas.ts";
import { parseInput, throwIfErrors, type DownloadsContext } from "./context.ts";

const urlsOf = (values: FileUrls): FileUrls => Object.fromEntries(FILE_URL_FIELDS.map((field) => [field, values[field]])) as FileUrls;

export function createFiles(ctx: DownloadsContext) {
  const { db, jobs } = ctx;

  async function fileFilter(query: FileQuery = {}): Promise<Prisma.ReleaseFileWhereInput> {
    const { release, ...own } = query;
    const where = fileWhere(own);
    return release ? { AND: [where, { release: await ctx.releaseFilter(release) }] } : where;
  }

  /** Files matching `query` in legacy model order (published release first, release name, OS name, name). */
  async function findFiles(options: { query?: FileQuery; skip?: number; take?: number }): Promise<ReleaseFileView[]> {
    return db.releaseFile.findMany({ where: await fileFilter(options.query), orderBy: fileOrder, skip: options.skip, take: options.take, select: fileSelect });
  }

  /** How many files match `query`. */
  async function countFiles(options: { query?: FileQuery }): Promise<number> {
    return db.releaseFile.count({ where: await fileFilter(options.query) });
  }

  /** The file with this id, or NOT_FOUND. */
  async function getFile(options: { id: number }): Promise<ReleaseFileView> {
    const row = await db.releaseFile.findUnique({ where: { id: options.id }, select: fileSelect });
    if (!row) throw new AppError("NOT_FOUND", "There is no such release file.");
    return row;
  }

  /** Every rule a file must pass before it is written, as field errors. */
  async function ruleErrors(values: ReleaseFileValues, id: number | undefined, previous?: FileUrls): Promise<FieldErrors> {
    const errors: FieldErrors = fileUrlErrors(urlsOf(values), previous);
    const notSelf = id ? { id: { not: id } } : {};
    const [os, release, slugTaken, urlTaken, button] = await Promise.all([
      db.operatingSystem.findUnique({ where: { id: values.osId }, select: { id: true } }),
      db.release.findUnique({ where: { id: values.releaseId }, select: { id: true } }),
      db.releaseFile.findFirst({ where: { slug: values.slug, ...notSelf }, select: { id: true } }),
      db.releaseFile.findFirst({ where: { url: values.url, ...notSelf }, select: { id: true } }),
      values.downloadButton
        ? db.releaseFile.findFirst({ where: { osId: values.osId, releaseId: values.releaseId, downloadButton: true, ...notSelf }, select: { id: true } })
        : null,
    ]);
    if (!os) errors.osId = ["Choose an existing operating system."];
    if (!release) errors.releaseId = ["Choose an existing release."];
    if (slugTaken) (errors.slug ??= []).push("A release file with this slug already exists.");
    if (urlTaken) (errors.url ??= []).push("A release file with this URL already exists.");
    if (button) errors.downloadButton = [DOWNLOAD_BUTTON_ERROR];
    return errors;
  }

  async function publishedIds(ids: number[]): Promise<Set<number>> {
    const rows = await db.release.findMany({ where: { id: { in: ids }, isPublished: true }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  /** Writes a file and enqueues the effects for its release (and its former release when moved). */
  async function writeFile(
    values: ReleaseFileValues,
    actor: Actor,
    existing: { id: number; releaseId: number } | undefined,
    onWrite: WriteHook<ReleaseFileView> | undefined,
  ): Promise<ReleaseFileView> {
    const by = actorId(actor);
    const releaseIds = [...new Set([values.releaseId, ...(existing ? [existing.releaseId] : [])])];
    const published = await publishedIds(releaseIds);
    return ctx.write(async (tx) => {
      const before = existing && onWrite ? await tx.releaseFile.findUnique({ where: { id: existing.id }, select: fileSelect }) : null;
      const saved = existing
        ? await tx.releaseFile.update({ where: { id: existing.id }, data: { ...values, ...modifiedBy(by) }, select: fileSelect })
        : await tx.releaseFile.create({ data: { ...values, ...createdBy(by) }, select: fileSelect });
      for (const id of releaseIds) await enqueueReleaseEffects(jobs, tx, { id, published: published.has(id) });
      await onWrite?.(tx, { before, after: saved });
      return saved;
    });
  }

  /** Adds a file to a release after checking every rule; VALIDATION lists the failures by field. */
  async function createFile(options: { input: ReleaseFileInput; actor: Actor; onWrite?: WriteHook<ReleaseFileView> }): Promise<ReleaseFileView> {
    assertCanEditDownloads(options.actor);
    const values = parseInput(ReleaseFileInputSchema, options.input);
    throwIfErrors(await ruleErrors(values, undefined));
    return writeFile(values, options.actor, undefined, options.onWrite);
  }

  /** Replaces a file's fields; unchanged legacy http:// URLs stay valid. */
  async function updateFile(options: { id: number; input: ReleaseFileInput; actor: Actor; onWrite?: WriteHook<ReleaseFileView> }): Promise<ReleaseFileView> {
    assertCanEditDownloads(options.actor);
    const values = parseInput(ReleaseFileInputSchema, options.input);
    const previous = await db.releaseFile.findUnique({
      where: { id: options.id },
      select: { releaseId: true, ...Object.fromEntries(FILE_URL_FIELDS.map((field) => [field, true])) },
    });
    if (!previous) throw new AppError("NOT_FOUND", "There is no such release file.");
    throwIfErrors(await ruleErrors(values, options.id, urlsOf(previous as unknown as FileUrls)));
    return writeFile(values, options.actor, { id: options.id, releaseId: previous.releaseId }, options.onWrite);
  }

  /** Deletes one file, or NOT_FOUND. */
  async function deleteFile(options: { id: number; actor: Actor; onWrite?: WriteHook<ReleaseFileView> }): Promise<void> {
    assertCanEditDownloads(options.actor);
    const file = await db.releaseFile.findUnique({ where: { id: options.id }, select: { releaseId: true, release: { select: { isPublished: true } } } });
    if (!file) throw new AppError("NOT_FOUND", "There is no such release file.");
    await db.$transaction(async (tx) => {
      const before = await tx.releaseFile.delete({ where: { id: options.id }, select: fileSelect });
      await options.onWrite?.(tx, { before, after: null });
      await enqueueReleaseEffects(jobs, tx, { id: file.releaseId, published: file.release.isPublished });
    });
    await ctx.invalidate();
  }

  /** Deletes every file of one release (release-tools re-uploads them); returns how many went. */
  async function deleteFilesOfRelease(options: { releaseId: number; actor: Actor; onWrite?: WriteHook<ReleaseFileView> }): Promise<number> {
    assertCanEditDownloads(options.actor);
    const release = await db.release.findUnique({ where: { id: options.releaseId }, select: { isPublished: true } });
    const count = await db.$transaction(async (tx) => {
      const doomed = options.onWrite ? await tx.releaseFile.findMany({ where: { releaseId: options.releaseId }, select: fileSelect }) : [];
      const { count: deleted } = await tx.releaseFile.deleteMany({ where: { releaseId: options.releaseId } });
      for (const before of doomed) await options.onWrite?.(tx, { before, after: null });
      if (release && deleted > 0) await enqueueReleaseEffects(jobs, tx, { id: options.releaseId, published: release.isPublished });
      return deleted;
    });
    await ctx.invalidate();
    return count;
  }

  return { findFiles, countFiles, getFile, createFile, updateFile, deleteFile, deleteFilesOfRelease };
}
