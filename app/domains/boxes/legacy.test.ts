// The boxes migrator on the README's sample: markup triples carried as stored, including
// the untrusted rendered HTML (sanitised on output, not here), and exact timestamps.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createLegacySampleDatabase, legacyTestbedAvailable, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { skipUnless } from "../../testing/skip.ts";

describe.skipIf(skipUnless(legacyTestbedAvailable(), "the legacy test bed is missing (set LEGACY_TESTBED_DIR to ../shared/legacy)"))("boxes legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;
  let target: pg.Client;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.reset();
    legacy = await createLegacySampleDatabase();
    target = new pg.Client({ connectionString: ctx.databaseUrl });
    await target.connect();
    await target.query("SET TIME ZONE 'UTC'");
    await legacy.query("SET TIME ZONE 'UTC'");
  });
  afterAll(async () => {
    await target?.end();
    await legacy?.drop();
    await ctx?.close();
  });

  it("carries all 67 boxes with content, markup type, rendered HTML, authors and timestamps as stored", async () => {
    const report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "boxes"] });
    expect(stepReport(report, "boxes_box")).toMatchObject({ read: 67, inserted: 67, skipped: {} });
    const columns = `id, label, content, content_markup_type, creator_id, last_modified_by_id, created::text, updated::text`;
    const source = await legacy.query(`SELECT ${columns}, _content_rendered AS rendered FROM boxes_box ORDER BY id`);
    const migrated = await target.query(`SELECT ${columns}, content_rendered AS rendered FROM boxes ORDER BY id`);
    expect(migrated.rows).toEqual(source.rows);
    // The sample's html box with a <script> keeps it in storage; output sanitising removes it.
    expect(migrated.rows.some((row) => row.rendered.includes("<script"))).toBe(true);
  });

  it("serves the carried HTML sanitised through the boxes service", async () => {
    const { rows } = await legacy.query(`SELECT label FROM boxes_box WHERE _content_rendered LIKE '%<script%' ORDER BY id LIMIT 1`);
    const box = await ctx.services.boxes.getBox({ label: rows[0].label });
    expect(box.html).not.toContain("<script");
  });
});
