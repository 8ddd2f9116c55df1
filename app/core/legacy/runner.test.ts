// The runner against the README's sample: counts, idempotence, dry run, resume after a
// crash, --only with its dependency check, sequences, and clear errors.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { LEGACY_MIGRATORS } from "../../testing/modules.ts";
import { totalWritten } from "./report.ts";
import { runLegacyMigration } from "./runner.ts";
import { sumValues } from "./tally.ts";
import { describeWithLegacySample } from "../../testing/legacy-bed.ts";

// Generated ids (permissions, auth_tokens) may differ after a rolled-back batch, so
// the snapshot names rows by their natural keys.
const SNAPSHOT_QUERIES = [
  `SELECT * FROM users ORDER BY id`,
  `SELECT * FROM groups ORDER BY id`,
  `SELECT app_label, codename, model, name FROM permissions ORDER BY app_label, codename`,
  `SELECT ug.* FROM user_groups ug ORDER BY user_id, group_id`,
  `SELECT gp.group_id, p.app_label, p.codename FROM group_permissions gp JOIN permissions p ON p.id = gp.permission_id ORDER BY 1, 2, 3`,
  `SELECT * FROM email_addresses ORDER BY id`,
  `SELECT * FROM api_keys ORDER BY id`,
  `SELECT key_hash, user_id, created FROM auth_tokens ORDER BY key_hash`,
  `SELECT * FROM boxes ORDER BY id`,
  `SELECT id, title, message, link, active, psf_pages_only FROM banners ORDER BY id`,
  `SELECT * FROM nav_trees ORDER BY id`,
  `SELECT * FROM nav_items ORDER BY id`,
  `SELECT i.item_id, p.app_label, p.codename FROM nav_item_permissions i JOIN permissions p ON p.id = i.permission_id ORDER BY 1, 2, 3`,
  `SELECT id, old_path, new_path FROM redirects ORDER BY id`,
];

describeWithLegacySample("legacy migration runner", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;
  let target: pg.Client;

  const snapshot = async () => {
    const tables: unknown[] = [];
    for (const sql of SNAPSHOT_QUERIES) tables.push((await target.query(sql)).rows);
    return tables;
  };
  const count = async (table: string) => Number((await target.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

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

  it("migrates the sample, accounting for every row read, and a second run writes nothing", async () => {
    const first = await migrateLegacy(legacy, ctx.databaseUrl);
    for (const step of first.steps) {
      expect(step.inserted + step.updated + step.unchanged + sumValues(step.skipped), step.step).toBe(step.read);
    }
    expect(stepReport(first, "users_user")).toMatchObject({ read: 165, inserted: 165 });
    expect(stepReport(first, "boxes_box")).toMatchObject({ read: 67, inserted: 67 });
    expect(stepReport(first, "banners_banner")).toMatchObject({ read: 4, inserted: 4 });
    expect(stepReport(first, "sitetree_treeitem")).toMatchObject({ read: 121, inserted: 121 });
    expect(stepReport(first, "django_redirect")).toMatchObject({ read: 12, inserted: 12 });
    expect(stepReport(first, "auth_group")).toMatchObject({ read: 5, inserted: 5 });

    const before = await snapshot();
    const second = await migrateLegacy(legacy, ctx.databaseUrl);
    expect(totalWritten(second)).toBe(0);
    for (const step of second.steps) expect(step.unchanged, step.step).toBe(step.read - sumValues(step.skipped));
    expect(await snapshot()).toEqual(before);
  });

  it("--dry-run reports what a real run writes, and writes nothing", async () => {
    const dry = await migrateLegacy(legacy, ctx.databaseUrl, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    for (const table of ["users", "boxes", "nav_items", "redirects", "legacy_migration_state"]) expect(await count(table), table).toBe(0);
    const real = await migrateLegacy(legacy, ctx.databaseUrl);
    expect(dry.steps.map((step) => [step.step, step.inserted, step.skipped])).toEqual(real.steps.map((step) => [step.step, step.inserted, step.skipped]));
  });

  it("resumes after a crash mid-run and ends with the same data as an uninterrupted run", async () => {
    await migrateLegacy(legacy, ctx.databaseUrl, { batchSize: 25 });
    const expected = await snapshot();
    await ctx.reset();

    let userBatches = 0;
    const interrupted = migrateLegacy(legacy, ctx.databaseUrl, {
      batchSize: 25,
      beforeCommit: ({ step }) => {
        // The third batch of users dies before its commit: two batches of users are kept.
        if (step === "users_user" && ++userBatches === 3) throw new Error("simulated crash");
      },
    });
    await expect(interrupted).rejects.toThrow(/simulated crash/);
    expect(await count("users")).toBe(50);

    const resumed = await migrateLegacy(legacy, ctx.databaseUrl, { batchSize: 25 });
    expect(resumed.steps.some((step) => step.resumed)).toBe(true);
    expect(stepReport(resumed, "users_user")).toMatchObject({ read: 165, inserted: 165 });
    expect(await snapshot()).toEqual(expected);
  });

  it("--only needs its dependencies migrated before, then runs alone", async () => {
    await expect(migrateLegacy(legacy, ctx.databaseUrl, { only: ["boxes"] })).rejects.toThrow(/"boxes" needs "users" migrated first .*--only users/);
    const users = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users"] });
    expect(new Set(users.steps.map((step) => step.migrator))).toEqual(new Set(["users"]));
    const boxes = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["boxes"] });
    expect(boxes.steps.map((step) => step.step)).toEqual(["boxes_box"]);
    expect(await count("boxes")).toBe(67);
  });

  it("moves identity sequences past the kept legacy ids", async () => {
    await migrateLegacy(legacy, ctx.databaseUrl, { only: ["banners"] });
    const { rows } = await target.query(`INSERT INTO banners (title) VALUES ('new') RETURNING id`);
    const { rows: max } = await legacy.query(`SELECT max(id) AS max FROM banners_banner`);
    expect(rows[0].id).toBe(max[0].max + 1);
  });

  it("fails with one clear line on a database that is not python.org's", async () => {
    await expect(runLegacyMigration({ sourceUrl: ctx.databaseUrl, targetUrl: ctx.databaseUrl, migrators: LEGACY_MIGRATORS, only: ["banners"] })).rejects.toThrow(
      /the legacy database has no table banners_banner/,
    );
    await expect(runLegacyMigration({ sourceUrl: `${legacy.url}_missing`, targetUrl: ctx.databaseUrl, migrators: LEGACY_MIGRATORS })).rejects.toThrow(
      /cannot connect to the legacy database \(--from\)/,
    );
  });
});
