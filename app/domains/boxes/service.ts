// Boxes: labelled snippets of editor markup that other pages embed (home page widgets,
// supernav panels). Reads are cached per label and invalidated on every write.
import type { Cache } from "../../core/cache/types.ts";
import type { Db } from "../../core/db/client.ts";
import { AppError, toAppError } from "../../core/errors.ts";
import type { JobQueue } from "../../core/jobs/types.ts";
import { type MarkupTarget, RENDER_RST_TASK, renderJobOptions, sourceHash } from "../../core/markup/jobs.ts";
import { isMarkupType, renderMarkup } from "../../core/markup/render.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";
import { type BoxInput, BoxInputSchema, type BoxListQuery } from "./schemas.ts";

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
          create: { ...input, contentRendered, creatorId: options.actorId ?? null, lastModifiedById: options.actorId ?? null },
          update: { content: input.content, contentMarkupType: input.contentMarkupType, contentRendered, lastModifiedById: options.actorId ?? null },
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

  /** Where the reStructuredText job reads box sources and stores their HTML. */
  const markupTarget: MarkupTarget = {
    name: RST_TARGET,
    async load(id) {
      const box = await db.box.findUnique({ where: { id: Number(id) }, select: { content: true, contentMarkupType: true } });
      return box ? { source: box.content, markupType: box.contentMarkupType } : null;
    },
    async store(id, html, expectedHash) {
      const box = await db.box.findUnique({ where: { id: Number(id) }, select: { label: true, content: true } });
      if (!box || sourceHash(box.content) !== expectedHash) return;
      await db.box.update({ where: { id: Number(id) }, data: { contentRendered: html } });
      await cache.invalidateTags([boxTag(box.label)]);
    },
  };

  /** Deletes the box with this label; throws NOT_FOUND when there is none. */
  async function deleteBox(options: { label: string }): Promise<void> {
    try {
      await db.box.delete({ where: { label: options.label } });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags([boxTag(options.label)]);
  }

  return { getBox, getBoxesHtml, listBoxes, saveBox, deleteBox, isMarkupType, markupTarget };
}

export type BoxesService = ReturnType<typeof createBoxesService>;
