// The banners migrator on the README's sample: every field as stored, idempotent.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { describeWithLegacySample } from "../../testing/legacy-bed.ts";

describeWithLegacySample("banners legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.reset();
    legacy = await createLegacySampleDatabase();
  });
  afterAll(async () => {
    await legacy?.drop();
    await ctx?.close();
  });

  it("carries the 4 banners field for field, and a second run changes nothing", async () => {
    const first = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["banners"] });
    expect(stepReport(first, "banners_banner")).toMatchObject({ read: 4, inserted: 4 });
    const source = await legacy.query(`SELECT id, title, message, link, active, psf_pages_only FROM banners_banner ORDER BY id`);
    const migrated = await ctx.deps.db.banner.findMany({
      select: { id: true, title: true, message: true, link: true, active: true, psfPagesOnly: true },
      orderBy: { id: "asc" },
    });
    expect(migrated.map(({ psfPagesOnly, ...banner }) => ({ ...banner, psf_pages_only: psfPagesOnly }))).toEqual(source.rows);

    const updatedBefore = await ctx.deps.db.banner.findMany({ select: { updated: true }, orderBy: { id: "asc" } });
    const second = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["banners"] });
    expect(stepReport(second, "banners_banner")).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await ctx.deps.db.banner.findMany({ select: { updated: true }, orderBy: { id: "asc" } })).toEqual(updatedBefore);
  });

  it("updates a banner an editor changed in the legacy admin since the last run", async () => {
    const { rows } = await legacy.query(`UPDATE banners_banner SET title = title || ' (edited)' WHERE id = (SELECT min(id) FROM banners_banner) RETURNING id, title`);
    const report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["banners"] });
    expect(stepReport(report, "banners_banner")).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    expect(await ctx.deps.db.banner.findUnique({ where: { id: rows[0].id }, select: { title: true } })).toEqual({ title: rows[0].title });
  });
});
