// Job types and categories: listed, created and changed by job admins in the admin, and
// by the demo seed. Deactivated ones leave the job form but keep their jobs.
import type { Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { fieldErrors } from "../../../core/http/validate.ts";
import { JobTaxonomyInputSchema, type JobTaxonomyInput } from "../schemas.ts";
import type { JobsDeps } from "../service.ts";

export interface TaxonomyView {
  id: number;
  name: string;
  slug: string;
  active: boolean;
}

export type TaxonomyKind = "type" | "category";

export interface TaxonomySearch {
  kind: TaxonomyKind;
  q?: string;
  active?: boolean;
  orderBy: { field: "name" | "slug" | "id"; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}

const select = { id: true, name: true, slug: true, active: true } as const;

export function createTaxonomy(deps: JobsDeps) {
  const { db, cache } = deps;
  // The two tables have the same columns; one delegate type serves both.
  const table = (kind: TaxonomyKind, client: Prisma.TransactionClient | typeof db = db) =>
    (kind === "type" ? client.jobType : client.jobCategory) as unknown as Prisma.JobTypeDelegate;
  const label = (kind: TaxonomyKind) => (kind === "type" ? "job type" : "job category");

  /** Types or categories matching the search, one page, with the total. */
  async function searchTaxonomy(options: TaxonomySearch): Promise<{ items: TaxonomyView[]; total: number }> {
    const q = options.q?.trim();
    const where = {
      ...(options.active === undefined ? {} : { active: options.active }),
      ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { slug: { contains: q, mode: "insensitive" as const } }] } : {}),
    };
    const [items, total] = await Promise.all([
      table(options.kind).findMany({ where, orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }], skip: options.offset, take: options.limit, select }),
      table(options.kind).count({ where }),
    ]);
    return { items, total };
  }

  /** One type or category, or NOT_FOUND. */
  async function getTaxonomy(options: { kind: TaxonomyKind; id: number }): Promise<TaxonomyView> {
    const found = await table(options.kind).findUnique({ where: { id: options.id }, select });
    if (!found) throw new AppError("NOT_FOUND", `There is no ${label(options.kind)} ${options.id}.`);
    return found;
  }

  /** Creates (no id) or changes a type or category; a taken slug is a field error. */
  async function saveTaxonomy(options: { kind: TaxonomyKind; id?: number; input: JobTaxonomyInput | unknown; onWrite?: WriteHook<TaxonomyView> }): Promise<TaxonomyView> {
    const parsed = JobTaxonomyInputSchema.safeParse(options.input);
    if (!parsed.success) throw new AppError("VALIDATION", "Please correct the errors below.", { fields: fieldErrors(parsed.error) });
    try {
      const saved = await db.$transaction(async (tx) => {
        const delegate = table(options.kind, tx);
        const taken = await delegate.findFirst({ where: { slug: parsed.data.slug, ...(options.id === undefined ? {} : { id: { not: options.id } }) }, select: { id: true } });
        if (taken) throw new AppError("VALIDATION", "Please correct the errors below.", { fields: { slug: [`A ${label(options.kind)} with this slug already exists.`] } });
        const before = options.id === undefined ? null : await delegate.findUnique({ where: { id: options.id }, select });
        if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no ${label(options.kind)} ${options.id}.`);
        const after = before ? await delegate.update({ where: { id: before.id }, data: parsed.data, select }) : await delegate.create({ data: parsed.data, select });
        await options.onWrite?.(tx, { before, after });
        return after;
      });
      await cache.invalidateTags(["jobs"]);
      return saved;
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Deletes a type (its links go) or a category without jobs (CONFLICT while jobs use it). */
  async function deleteTaxonomy(options: { kind: TaxonomyKind; id: number; onWrite?: WriteHook<TaxonomyView> }): Promise<void> {
    await db.$transaction(async (tx) => {
      const before = await table(options.kind, tx).findUnique({ where: { id: options.id }, select });
      if (!before) throw new AppError("NOT_FOUND", `There is no ${label(options.kind)} ${options.id}.`);
      if (options.kind === "category" && (await tx.job.count({ where: { categoryId: options.id } })) > 0) throw new AppError("CONFLICT", "Jobs still use this category.");
      await table(options.kind, tx).delete({ where: { id: options.id } });
      await options.onWrite?.(tx, { before, after: null });
    });
    await cache.invalidateTags(["jobs"]);
  }

  return { searchTaxonomy, getTaxonomy, saveTaxonomy, deleteTaxonomy };
}
