// The sitetree migrator on the README's sample: trees, items with ids, parents, order,
// flags and pattern URLs as stored, empty aliases as NULL, and access permissions
// matched by (app label, codename).
import pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../testing/deps.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../../testing/legacy-sample.ts";
import { describeWithLegacySample } from "../../../testing/legacy-bed.ts";

const LEGACY_ITEMS = `
  SELECT id, tree_id, parent_id, title, hint, url, urlaspattern AS url_as_pattern, hidden, NULLIF(alias, '') AS alias,
         description, inmenu AS in_menu, inbreadcrumbs AS in_breadcrumbs, insitetree AS in_sitemap,
         access_loggedin AS access_logged_in, access_guest, access_restricted, access_perm_type, sort_order
  FROM sitetree_treeitem ORDER BY id`;

describeWithLegacySample("navigation legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;
  let target: pg.Client;

  beforeAll(async () => {
    ctx = await createTestContext();
    legacy = await createLegacySampleDatabase();
    target = new pg.Client({ connectionString: ctx.databaseUrl });
    await target.connect();
  });
  afterAll(async () => {
    await target?.end();
    await legacy?.drop();
    await ctx?.close();
  });
  beforeEach(async () => ctx.reset());

  it("carries both trees and all 121 items as stored, empty aliases as NULL", async () => {
    const report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "pages"] });
    expect(stepReport(report, "sitetree_tree")).toMatchObject({ read: 2, inserted: 2 });
    expect(stepReport(report, "sitetree_treeitem")).toMatchObject({ read: 121, inserted: 121, skipped: {} });
    const { rows: empty } = await legacy.query(`SELECT count(*)::int AS n FROM sitetree_treeitem WHERE alias = ''`);
    expect(stepReport(report, "sitetree_treeitem").notes["empty alias stored as NULL (unique per tree)"] ?? 0).toBe(empty[0].n);

    const source = await legacy.query(LEGACY_ITEMS);
    const migrated = await target.query(`SELECT ${Object.keys(source.rows[0]).join(", ")} FROM nav_items ORDER BY id`);
    expect(migrated.rows).toEqual(source.rows);
    const trees = await legacy.query(`SELECT id, alias, title FROM sitetree_tree ORDER BY id`);
    expect((await target.query(`SELECT id, alias, title FROM nav_trees ORDER BY id`)).rows).toEqual(trees.rows);
  });

  it("links access permissions by app label and codename", async () => {
    await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "pages"] });
    const names = `SELECT item, app_label || '.' || codename AS permission FROM links ORDER BY 1, 2`;
    const source = await legacy.query(`
      WITH links AS (SELECT ap.treeitem_id AS item, ct.app_label, p.codename FROM sitetree_treeitem_access_permissions ap
        JOIN auth_permission p ON p.id = ap.permission_id JOIN django_content_type ct ON ct.id = p.content_type_id) ${names}`);
    const migrated = await target.query(`
      WITH links AS (SELECT ip.item_id AS item, p.app_label, p.codename FROM nav_item_permissions ip
        JOIN permissions p ON p.id = ip.permission_id) ${names}`);
    expect(source.rows.length).toBeGreaterThan(0);
    expect(migrated.rows).toEqual(source.rows);
  });

  it("links parents with higher ids than their children across batches, then changes nothing", async () => {
    const first = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "pages"], batchSize: 7 });
    const { rows } = await legacy.query(`SELECT count(*)::int AS n FROM sitetree_treeitem WHERE parent_id > id`);
    expect(stepReport(first, "sitetree_treeitem.parent_id").updated).toBeLessThanOrEqual(rows[0].n);
    const parents = await legacy.query(`SELECT id, parent_id FROM sitetree_treeitem ORDER BY id`);
    expect((await target.query(`SELECT id, parent_id FROM nav_items ORDER BY id`)).rows).toEqual(parents.rows);

    const second = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["pages"], batchSize: 7 });
    for (const step of second.steps) expect(step, step.step).toMatchObject({ inserted: 0, updated: 0 });
  });
});
