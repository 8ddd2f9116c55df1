// Operating systems (legacy downloads_os) and the release cycle editors maintain per minor
// version (legacy read it live from peps.python.org/api/release-cycle.json).
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError } from "../../../core/errors.ts";
import { enqueueBoxesRebuild, enqueuePurge, SECTION_KEYS } from "./effects.ts";
import { actorId, assertCanEditDownloads, type Actor } from "../policies.ts";
import { cycleSelect, osOrder, osSelect, osWhere, type OsQuery, type OsView, type ReleaseCycleView } from "../queries.ts";
import { OsInputSchema, ReleaseCycleInputSchema, type OsInput, type ReleaseCycleInput } from "../schemas.ts";
import { parseInput, throwIfErrors, type DownloadsContext } from "./context.ts";

export function createCatalog(ctx: DownloadsContext) {
  const { db, jobs } = ctx;

  /** Operating systems matching `query`, by name (legacy ordering). */
  async function findOperatingSystems(options: { query?: OsQuery; skip?: number; take?: number } = {}): Promise<OsView[]> {
    return db.operatingSystem.findMany({ where: osWhere(options.query), orderBy: osOrder, skip: options.skip, take: options.take, select: osSelect });
  }

  /** How many operating systems match `query`. */
  async function countOperatingSystems(options: { query?: OsQuery } = {}): Promise<number> {
    return db.operatingSystem.count({ where: osWhere(options.query) });
  }

  /** The operating system with this id or slug, or NOT_FOUND. */
  async function getOperatingSystem(options: { id: number } | { slug: string }): Promise<OsView> {
    const row = await db.operatingSystem.findUnique({ where: "id" in options ? { id: options.id } : { slug: options.slug }, select: osSelect });
    if (!row) throw new AppError("NOT_FOUND", "There is no such operating system.");
    return row;
  }

  /** Creates (no `id`) or renames an operating system; the download boxes and pages follow. */
  async function saveOperatingSystem(options: { id?: number; input: OsInput; actor: Actor; onWrite?: WriteHook<OsView> }): Promise<OsView> {
    assertCanEditDownloads(options.actor);
    const values = parseInput(OsInputSchema, options.input);
    const taken = await db.operatingSystem.findFirst({ where: { slug: values.slug, ...(options.id ? { id: { not: options.id } } : {}) }, select: { id: true } });
    if (taken) throwIfErrors({ slug: ["An operating system with this slug already exists."] });
    const by = actorId(options.actor);
    return ctx.write(async (tx) => {
      const before = options.id ? await tx.operatingSystem.findUnique({ where: { id: options.id }, select: osSelect }) : null;
      const saved = options.id
        ? await tx.operatingSystem.update({ where: { id: options.id }, data: { ...values, ...modifiedBy(by) }, select: osSelect })
        : await tx.operatingSystem.create({ data: { ...values, ...createdBy(by) }, select: osSelect });
      await options.onWrite?.(tx, { before, after: saved });
      await enqueueBoxesRebuild(jobs, tx);
      await enqueuePurge(jobs, SECTION_KEYS, tx);
      return saved;
    });
  }

  /** Deletes an operating system and, as legacy's CASCADE did, its files. */
  async function deleteOperatingSystem(options: { id: number; actor: Actor; onWrite?: WriteHook<OsView> }): Promise<void> {
    assertCanEditDownloads(options.actor);
    await ctx.write(async (tx) => {
      const before = await tx.operatingSystem.delete({ where: { id: options.id }, select: osSelect });
      await options.onWrite?.(tx, { before, after: null });
      await enqueueBoxesRebuild(jobs, tx);
      await enqueuePurge(jobs, SECTION_KEYS, tx);
    });
  }

  /** Every release cycle row, newest version first. */
  async function listReleaseCycles(): Promise<ReleaseCycleView[]> {
    return db.releaseCycle.findMany({ orderBy: [{ versionMajor: "desc" }, { versionMinor: "desc" }], select: cycleSelect });
  }

  /** The cycle of one minor version, or NOT_FOUND. */
  async function getReleaseCycle(options: { id: number } | { major: number; minor: number }): Promise<ReleaseCycleView> {
    const row = await db.releaseCycle.findUnique({
      where: "id" in options ? { id: options.id } : { versionMajor_versionMinor: { versionMajor: options.major, versionMinor: options.minor } },
      select: cycleSelect,
    });
    if (!row) throw new AppError("NOT_FOUND", "There is no release cycle for this version.");
    return row;
  }

  /** Creates (no `id`) or replaces the cycle of one minor version; one row per version. */
  async function saveReleaseCycle(options: { id?: number; input: ReleaseCycleInput; actor: Actor }): Promise<ReleaseCycleView> {
    assertCanEditDownloads(options.actor);
    const values = parseInput(ReleaseCycleInputSchema, options.input);
    const taken = await db.releaseCycle.findFirst({
      where: { versionMajor: values.versionMajor, versionMinor: values.versionMinor, ...(options.id ? { id: { not: options.id } } : {}) },
      select: { id: true },
    });
    if (taken) throwIfErrors({ versionMinor: [`Python ${values.versionMajor}.${values.versionMinor} already has a release cycle entry.`] });
    return ctx.write(async (tx) => {
      const saved = options.id
        ? await tx.releaseCycle.update({ where: { id: options.id }, data: values, select: cycleSelect })
        : await tx.releaseCycle.create({ data: values, select: cycleSelect });
      await enqueuePurge(jobs, SECTION_KEYS, tx);
      return saved;
    });
  }

  /** Deletes one cycle row, or NOT_FOUND. */
  async function deleteReleaseCycle(options: { id: number; actor: Actor }): Promise<void> {
    assertCanEditDownloads(options.actor);
    await ctx.write(async (tx) => {
      await tx.releaseCycle.delete({ where: { id: options.id } });
      await enqueuePurge(jobs, SECTION_KEYS, tx);
    });
  }

  return {
    findOperatingSystems,
    countOperatingSystems,
    getOperatingSystem,
    saveOperatingSystem,
    deleteOperatingSystem,
    listReleaseCycles,
    getReleaseCycle,
    saveReleaseCycle,
    deleteReleaseCycle,
  };
}
