// The boxes migrator on the README's sample: markup triples carried as stored, including
// the untrusted rendered HTML (sanitised on output, not here), and exact timestamps.
import { expect, it } from "vitest";
import { migrateLegacy, stepReport } from "../../testing/legacy-sample.ts";
import { describeWithLegacySample, useLegacyBed } from "../../testing/legacy-bed.ts";

describeWithLegacySample("boxes legacy migrator", () => {
  const bed = useLegacyBed();

  it("carries all 67 boxes with content, markup type, rendered HTML, authors and timestamps as stored", async () => {
    const report = await migrateLegacy(bed.legacy, bed.ctx.databaseUrl, { only: ["users", "boxes"] });
    expect(stepReport(report, "boxes_box")).toMatchObject({ read: 67, inserted: 67, skipped: {} });
    const columns = `id, label, content, content_markup_type, creator_id, last_modified_by_id, created::text, updated::text`;
    const source = await bed.legacy.query(`SELECT ${columns}, _content_rendered AS rendered FROM boxes_box ORDER BY id`);
    const migrated = await bed.target.query(`SELECT ${columns}, content_rendered AS rendered FROM boxes ORDER BY id`);
    expect(migrated.rows).toEqual(source.rows);
    // The sample's html box with a <script> keeps it in storage; output sanitising removes it.
    expect(migrated.rows.some((row) => row.rendered.includes("<script"))).toBe(true);
  });

  it("serves the carried HTML sanitised through the boxes service", async () => {
    const { rows } = await bed.legacy.query(`SELECT label FROM boxes_box WHERE _content_rendered LIKE '%<script%' ORDER BY id LIMIT 1`);
    const box = await bed.ctx.services.boxes.getBox({ label: rows[0].label });
    expect(box.html).not.toContain("<script");
  });
});
