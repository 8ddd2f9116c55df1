// The redirects migrator on the README's sample: 410 rows, unicode paths, and old paths
// redirected by several sites (site 1 wins).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../testing/deps.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../../testing/legacy-sample.ts";
import { describeWithLegacySample } from "../../../testing/legacy-bed.ts";

describeWithLegacySample("redirects legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;

  beforeAll(async () => {
    ctx = await createTestContext();
    legacy = await createLegacySampleDatabase();
  });
  afterAll(async () => {
    await legacy?.drop();
    await ctx?.close();
  });

  it("carries the 12 redirects, an empty new_path (410 Gone) and the unicode old path", async () => {
    await ctx.reset();
    const report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "pages"] });
    expect(stepReport(report, "django_redirect")).toMatchObject({ read: 12, inserted: 12, skipped: {} });
    const source = await legacy.query(`SELECT id, old_path, new_path FROM django_redirect ORDER BY id`);
    const migrated = await ctx.deps.db.redirect.findMany({ select: { id: true, oldPath: true, newPath: true }, orderBy: { id: "asc" } });
    expect(migrated.map((row) => ({ id: row.id, old_path: row.oldPath, new_path: row.newPath }))).toEqual(source.rows);
    expect(migrated.filter((row) => row.newPath === "")).toHaveLength(1);
    const unicode = migrated.filter((row) => /[^\x00-\x7f]/.test(row.oldPath));
    expect(unicode).toHaveLength(1);
    expect(unicode[0]!.oldPath.normalize("NFC")).toBe(unicode[0]!.oldPath);
  });

  it("keeps site 1's redirect when another site redirects the same old path", async () => {
    await ctx.reset();
    const source = await createLegacySampleDatabase();
    try {
      await source.query(`INSERT INTO django_site (id, domain, name) VALUES (2, 'staging.python.org', 'Staging')`);
      const { rows } = await source.query(`SELECT old_path FROM django_redirect WHERE site_id = 1 ORDER BY id LIMIT 1`);
      await source.query(`INSERT INTO django_redirect (site_id, old_path, new_path) VALUES (2, $1, '/elsewhere/'), (2, '/staging-only/', '/')`, [rows[0].old_path]);
      const report = await migrateLegacy(source, ctx.databaseUrl, { only: ["users", "pages"] });
      expect(stepReport(report, "django_redirect")).toMatchObject({
        read: 14,
        inserted: 13,
        skipped: { "old_path duplicated on another site → kept site 1's (or the lowest id)": 1 },
        notes: { "redirect of another site kept (sites are not modelled)": 1 },
      });
      const kept = await ctx.deps.db.redirect.findUniqueOrThrow({ where: { oldPath: rows[0].old_path } });
      expect(kept.newPath).not.toBe("/elsewhere/");
    } finally {
      await source.drop();
    }
  });
});
