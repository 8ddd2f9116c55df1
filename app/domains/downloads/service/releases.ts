// Releases: queries for the APIs and admin, and the writes with legacy's rules (one latest
// release per version line, derived version fields, markup rendered on save).
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { renderMarkup } from "../../../core/markup/render.ts";
import { enqueueNotesRender, enqueueReleaseEffects } from "./effects.ts";
import { actorId, assertCanEditDownloads, type Actor } from "../policies.ts";
import { fileSelect, releaseOrder, releaseSelect, type ReleaseFileView, type ReleaseQuery, type ReleaseView } from "../queries.ts";
import { ReleaseInputSchema, releaseNameErrors, type ReleaseInput, type ReleaseValues } from "../schemas.ts";
import { derivedVersionFields, slugify } from "../schemas/versions.ts";
import { parseInput, throwIfErrors, type DownloadsContext } from "./context.ts";

// Arbitrary namespace for the advisory lock that serialises promotions per version line.
const LATEST_LOCK = 727_400;

export type ReleaseWithFiles = ReleaseView & { files: ReleaseFileView[] };

export function createReleases(ctx: DownloadsContext) {
  const { db, jobs } = ctx;

  /** Releases matching `query` in legacy model order (name), paged by offset. */
  async function findReleases(options: { query?: ReleaseQuery; skip?: number; take?: number }): Promise<ReleaseView[]> {
    const rows = await db.release.findMany({
      where: await ctx.releaseFilter(options.query),
      orderBy: releaseOrder,
      skip: options.skip,
      take: options.take,
      select: releaseSelect,
    });
    return ctx.toViews(rows);
  }

  /** How many releases match `query`. */
  async function countReleases(options: { query?: ReleaseQuery }): Promise<number> {
    return db.release.count({ where: await ctx.releaseFilter(options.query) });
  }

  /** The release with this id, or NOT_FOUND. */
  async function getRelease(options: { id: number }): Promise<ReleaseView> {
    const row = await db.release.findUnique({ where: { id: options.id }, select: releaseSelect });
    if (!row) throw new AppError("NOT_FOUND", "There is no such release.");
    const [view] = await ctx.toViews([row]);
    return view!;
  }

  /** The release with this slug, or NOT_FOUND. */
  async function getReleaseBySlug(options: { slug: string }): Promise<ReleaseView> {
    const row = await db.release.findUnique({ where: { slug: options.slug }, select: releaseSelect });
    if (!row) throw new AppError("NOT_FOUND", "There is no such release.");
    const [view] = await ctx.toViews([row]);
    return view!;
  }

  /**
   * One page of releases with their files, newest first (release date, then id), after
   * the `after` position; `hasMore` tells whether another page follows.
   */
  async function pageReleases(options: {
    query?: ReleaseQuery;
    limit: number;
    after?: { releaseDate: Date; id: number };
  }): Promise<{ items: ReleaseWithFiles[]; hasMore: boolean }> {
    const filter = await ctx.releaseFilter(options.query);
    const after = options.after;
    const where: Prisma.ReleaseWhereInput = after
      ? { AND: [filter, { OR: [{ releaseDate: { lt: after.releaseDate } }, { releaseDate: after.releaseDate, id: { lt: after.id } }] }] }
      : filter;
    const rows = await db.release.findMany({
      where,
      orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
      take: options.limit + 1,
      select: { ...releaseSelect, files: { select: fileSelect, orderBy: [{ os: { slug: "asc" } }, { name: "asc" }, { id: "asc" }] } },
    });
    const page = rows.slice(0, options.limit);
    const views = await ctx.toViews(page);
    return { items: views.map((view, index) => ({ ...view, files: page[index]!.files })), hasMore: rows.length > options.limit };
  }

  function releaseData(values: ReleaseValues, slug: string) {
    return {
      name: values.name,
      slug,
      version: values.version,
      isLatest: values.isLatest,
      isPublished: values.isPublished,
      preRelease: values.preRelease,
      showOnDownloadPage: values.showOnDownloadPage,
      ...(values.releaseDate ? { releaseDate: values.releaseDate } : {}),
      releasePageId: values.releasePageId,
      releaseNotesUrl: values.releaseNotesUrl,
      content: values.content,
      contentMarkupType: values.contentMarkupType,
      ...derivedVersionFields(values.name),
    };
  }

  async function demoteOthers(tx: Prisma.TransactionClient, version: number, keepId: number | undefined): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LATEST_LOCK}::int, ${version}::int)`;
    await tx.release.updateMany({ where: { version, isLatest: true, ...(keepId ? { id: { not: keepId } } : {}) }, data: { isLatest: false } });
  }

  /**
   * Creates (no `id`) or replaces a release. Promoting it to latest demotes the previous
   * latest of its version line in the same transaction; boxes, search and CDN follow by job.
   */
  async function saveRelease(options: {
    id?: number;
    input: ReleaseInput;
    actor: Actor;
    /** Runs inside the write's transaction, after the release is written (the editor form saves its files here). */
    afterWrite?: (tx: Prisma.TransactionClient, release: { id: number }) => Promise<void>;
    /** Sees the release row before and after (the APIs' audit hook). */
    onWrite?: WriteHook<object>;
  }): Promise<ReleaseView> {
    assertCanEditDownloads(options.actor);
    const values = parseInput(ReleaseInputSchema, options.input);
    const previous = options.id
      ? await db.release.findUnique({ where: { id: options.id }, select: { name: true, isPublished: true, content: true, contentMarkupType: true } })
      : null;
    if (options.id && !previous) throw new AppError("NOT_FOUND", "There is no such release.");
    throwIfErrors(releaseNameErrors(values, previous?.name));
    const slug = values.slug ?? slugify(values.name);
    if (await db.release.findFirst({ where: { slug, ...(options.id ? { id: { not: options.id } } : {}) }, select: { id: true } })) {
      throwIfErrors({ slug: ["A release with this slug already exists."] });
    }
    // Unchanged notes keep their stored HTML (legacy reStructuredText was rendered by docutils).
    const notesChanged = !previous || previous.content !== values.content || previous.contentMarkupType !== values.contentMarkupType;
    const rendered = notesChanged ? renderMarkup(values.content, values.contentMarkupType) : null;
    const by = actorId(options.actor);
    const data = { ...releaseData(values, slug), ...(rendered ? { contentRendered: rendered.html } : {}), ...modifiedBy(by) };
    try {
      const row = await db.$transaction(async (tx) => {
        const before = options.id && options.onWrite ? await tx.release.findUnique({ where: { id: options.id }, select: releaseSelect }) : null;
        if (values.isLatest) await demoteOthers(tx, values.version, options.id);
        const saved = options.id
          ? await tx.release.update({ where: { id: options.id }, data, select: releaseSelect })
          : await tx.release.create({ data: { ...data, ...createdBy(by) }, select: releaseSelect });
        await options.afterWrite?.(tx, saved);
        await options.onWrite?.(tx, { before, after: saved });
        await enqueueReleaseEffects(jobs, tx, { id: saved.id, published: saved.isPublished || Boolean(previous?.isPublished) });
        if (rendered && !rendered.rendered) await enqueueNotesRender(jobs, tx, saved.id);
        return saved;
      });
      await ctx.invalidate();
      const [view] = await ctx.toViews([row]);
      return view!;
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Makes this release the latest of its version line (the admin's "make latest" action). */
  async function makeLatest(options: { id: number; actor: Actor; afterWrite?: (tx: Prisma.TransactionClient) => Promise<void> }): Promise<ReleaseView> {
    assertCanEditDownloads(options.actor);
    const row = await db.$transaction(async (tx) => {
      const release = await tx.release.findUnique({ where: { id: options.id }, select: { version: true } });
      if (!release) throw new AppError("NOT_FOUND", "There is no such release.");
      await demoteOthers(tx, release.version, options.id);
      const saved = await tx.release.update({
        where: { id: options.id },
        data: { isLatest: true, ...modifiedBy(actorId(options.actor)) },
        select: releaseSelect,
      });
      await options.afterWrite?.(tx);
      await enqueueReleaseEffects(jobs, tx, { id: saved.id, published: saved.isPublished });
      return saved;
    });
    await ctx.invalidate();
    const [view] = await ctx.toViews([row]);
    return view!;
  }

  /** Deletes a release and its files (legacy CASCADE). */
  async function deleteRelease(options: { id: number; actor: Actor; beforeDelete?: (tx: Prisma.TransactionClient) => Promise<void>; onWrite?: WriteHook<object> }): Promise<void> {
    assertCanEditDownloads(options.actor);
    try {
      await db.$transaction(async (tx) => {
        await options.beforeDelete?.(tx);
        const deleted = await tx.release.delete({ where: { id: options.id }, select: releaseSelect });
        await options.onWrite?.(tx, { before: deleted, after: null });
        await enqueueReleaseEffects(jobs, tx, { id: deleted.id, published: deleted.isPublished });
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await ctx.invalidate();
  }

  return { findReleases, countReleases, getRelease, getReleaseBySlug, pageReleases, saveRelease, makeLatest, deleteRelease };
}
