// Boxes: labelled snippets of editor markup that other pages embed (home page widgets,
// supernav panels). Reads are cached per label and invalidated on every write.
import { createdBy, modifiedBy } from "../../core/content/content-manageable.ts";
import type { Cache } from "../../core/cache/types.ts";
import type { Db } from "../../core/db/client.ts";
import type { Tx, WriteHook } from "../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../core/errors.ts";
import type { JobQueue } from "../../core/jobs/types.ts";
import { RENDER_RST_TASK, renderJobOptions } from "../../core/markup/jobs.ts";
import { defineMarkupTarget } from "../../core/markup/target.ts";
import { isMarkupType, renderMarkup } from "../../core/markup/render.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";
import { type BoxInput, BoxInputSchema, type BoxListQuery, type BoxSearch } from "./schemas.ts";

export interface BoxView {
  id: number;
  label: string;
  content: string;
  contentMarkupType: string;
  /** Sanitised HTML, safe to embed. */
  html: string;
  created: Date;
  updated: Date;
}

const BOX_TTL_SECONDS = 3600;
const boxTag = (label: string) => `box:${label}`;

const boxSelect = {
  id: true,
  label: true,
  content: true,
  contentMarkupType: true,
  contentRendered: true,
  created: true,
  updated: true,
} as const;

type BoxRow = { id: number; label: string; content: string; contentMarkupType: string; contentRendered: string; created: Date; updated: Date };

function toView(row: BoxRow): BoxView {
  return {
    id: row.id,
    label: row.label,
    content: row.content,
    contentMarkupType: row.contentMarkupType,
    html: sanitizeMarkupHtml(row.contentRendered),
    created: row.created,
    updated: row.updated,
  };
}

const RST_TARGET = "boxes.box.content";

export function createBoxesService(deps: { db: Db; cache: Cache; jobs: JobQueue }) {
  const { db, cache, jobs } = deps;

  /** Returns the box with this label, or throws NOT_FOUND. */
  async function getBox(options: { label: string }): Promise<BoxView> {
    const row = await db.box.findUnique({ where: { label: options.label }, select: boxSelect });
    if (!row) throw new AppError("NOT_FOUND", `There is no box labelled "${options.label}".`);
    return toView(row);
  }

  /** Returns the sanitised HTML of each existing box among `labels` (one query, cached per label). */
  async function getBoxesHtml(options: { labels: string[] }): Promise<Record<string, string>> {
    const labels = [...new Set(options.labels)];
    const result: Record<string, string> = {};
    const cachedValues = await Promise.all(labels.map((label) => cache.get<string | null>(`box-html:${label}`, [boxTag(label)])));
    const missing = labels.filter((_, index) => cachedValues[index] === undefined);
    labels.forEach((label, index) => {
      const value = cachedValues[index];
      if (typeof value === "string") result[label] = value;
    });
    if (missing.length > 0) {
      const rows = await db.box.findMany({ where: { label: { in: missing } }, select: { label: true, contentRendered: true } });
      const found = new Map(rows.map((row) => [row.label, sanitizeMarkupHtml(row.contentRendered)]));
      await Promise.all(
        missing.map((label) => {
          const html = found.get(label) ?? null;
          if (html !== null) result[label] = html;
          // Absent boxes are cached too, so pages that name a missing box stay cheap.
          return cache.set(`box-html:${label}`, html, { ttlSeconds: BOX_TTL_SECONDS, tags: [boxTag(label)] });
        }),
      );
    }
    return result;
  }

  /** Lists boxes ordered by label, optionally filtered by exact label or label prefix. */
  async function listBoxes(query: BoxListQuery = {}): Promise<BoxView[]> {
    const rows = await db.box.findMany({
      where: {
        ...(query.label !== undefined ? { label: query.label } : {}),
        ...(query.label__startswith !== undefined ? { label: { startsWith: query.label__startswith } } : {}),
      },
      orderBy: { label: "asc" },
      select: boxSelect,
    });
    return rows.map(toView);
  }

  /**
   * Creates or replaces the box with this label, renders its markup and invalidates its
   * cache. reStructuredText is shown as source until the docutils job has rendered it.
   */
  async function saveBox(options: { input: BoxInput; actorId?: number | null }): Promise<BoxView> {
    const input = BoxInputSchema.parse(options.input);
    const { html: contentRendered, rendered } = renderMarkup(input.content, input.contentMarkupType);
    try {
      const row = await db.$transaction(async (tx) => {
        const saved = await tx.box.upsert({
          where: { label: input.label },
          create: { ...input, contentRendered, ...createdBy(options.actorId ?? null) },
          update: { content: input.content, contentMarkupType: input.contentMarkupType, contentRendered, ...modifiedBy(options.actorId ?? null) },
          select: boxSelect,
        });
        if (!rendered) await jobs.addWith(tx, RENDER_RST_TASK, { target: RST_TARGET, id: String(saved.id) }, renderJobOptions(RST_TARGET, saved.id));
        return saved;
      });
      await cache.invalidateTags([boxTag(row.label)]);
      return toView(row);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** One page of boxes whose label or content contains `q` (any case), with the total count. */
  async function searchBoxes(options: BoxSearch): Promise<{ items: BoxView[]; total: number }> {
    const q = options.q?.trim();
    const where = q ? { OR: [{ label: { contains: q, mode: "insensitive" as const } }, { content: { contains: q, mode: "insensitive" as const } }] } : {};
    const [rows, total] = await Promise.all([
      db.box.findMany({ where, orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }], skip: options.offset, take: options.limit, select: boxSelect }),
      db.box.count({ where }),
    ]);
    return { items: rows.map(toView), total };
  }

  /** Returns the box with this id, or throws NOT_FOUND. */
  async function getBoxById(options: { id: number }): Promise<BoxView> {
    const row = await db.box.findUnique({ where: { id: options.id }, select: boxSelect });
    if (!row) throw new AppError("NOT_FOUND", `There is no box ${options.id}.`);
    return toView(row);
  }

  async function writeBoxById(tx: Tx, id: number | null, input: BoxInput, actorId: number | null): Promise<{ before: BoxRow | null; after: BoxRow }> {
    const { html: contentRendered, rendered } = renderMarkup(input.content, input.contentMarkupType);
    const before = id === null ? null : await tx.box.findUnique({ where: { id }, select: boxSelect });
    if (id !== null && !before) throw new AppError("NOT_FOUND", `There is no box ${id}.`);
    const taken = await tx.box.findFirst({ where: { label: input.label, ...(id === null ? {} : { id: { not: id } }) }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "A box with this label already exists.", { fields: { label: ["A box with this label already exists."] } });
    const after =
      id === null
        ? await tx.box.create({ data: { ...input, contentRendered, ...createdBy(actorId) }, select: boxSelect })
        : await tx.box.update({ where: { id }, data: { ...input, contentRendered, ...modifiedBy(actorId) }, select: boxSelect });
    if (!rendered) await jobs.addWith(tx, RENDER_RST_TASK, { target: RST_TARGET, id: String(after.id) }, renderJobOptions(RST_TARGET, after.id));
    return { before, after };
  }

  /**
   * Creates a box (id absent; CONFLICT on a taken label) or updates the box with this id,
   * whose label may change. `onWrite` runs inside the transaction; the cache of the old
   * and new label is invalidated after commit.
   */
  async function saveBoxById(options: { id?: number; input: BoxInput; actorId?: number | null; onWrite?: WriteHook<BoxView> }): Promise<BoxView> {
    const input = BoxInputSchema.parse(options.input);
    try {
      const { before, after } = await db.$transaction(async (tx) => {
        const change = await writeBoxById(tx, options.id ?? null, input, options.actorId ?? null);
        await options.onWrite?.(tx, { before: change.before && toView(change.before), after: toView(change.after) });
        return change;
      });
      await cache.invalidateTags([...new Set([boxTag(after.label), ...(before ? [boxTag(before.label)] : [])])]);
      return toView(after);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Deletes the box with this id (NOT_FOUND when there is none); `onWrite` runs inside the transaction. */
  async function deleteBoxById(options: { id: number; onWrite?: WriteHook<BoxView> }): Promise<void> {
    try {
      const label = await db.$transaction(async (tx) => {
        const before = await tx.box.findUnique({ where: { id: options.id }, select: boxSelect });
        if (!before) throw new AppError("NOT_FOUND", `There is no box ${options.id}.`);
        await tx.box.delete({ where: { id: options.id } });
        await options.onWrite?.(tx, { before: toView(before), after: null });
        return before.label;
      });
      await cache.invalidateTags([boxTag(label)]);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Where the reStructuredText job reads box sources and stores their HTML. */
  const markupTarget = defineMarkupTarget({
    name: RST_TARGET,
    read: (id) => db.box.findUnique({ where: { id }, select: { content: true, contentMarkupType: true } }),
    async saveRendered(id, html) {
      const box = await db.box.update({ where: { id }, data: { contentRendered: html }, select: { label: true } });
      await cache.invalidateTags([boxTag(box.label)]);
    },
  });

  /** Deletes the box with this label; throws NOT_FOUND when there is none. */
  async function deleteBox(options: { label: string }): Promise<void> {
    try {
      await db.box.delete({ where: { label: options.label } });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags([boxTag(options.label)]);
  }

  return { getBox, getBoxesHtml, listBoxes, saveBox, deleteBox, isMarkupType, markupTarget, searchBoxes, getBoxById, saveBoxById, deleteBoxById };
}

export type BoxesService = ReturnType<typeof createBoxesService>;
