// The downloads migrator on the README's sample: ids kept, every era's sidecar fields,
// the draft and the install manager, and the API answering by the legacy ids afterwards.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createLegacySampleDatabase, legacyTestbedAvailable, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { skipUnless } from "../../testing/skip.ts";

describe.skipIf(skipUnless(legacyTestbedAvailable(), "the legacy test bed is missing (set LEGACY_TESTBED_DIR to ../shared/legacy)"))("downloads legacy migrator", () => {
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

  it("carries every OS, release and file with its id, and a second run writes nothing", async () => {
    const [os, releases, files] = await Promise.all(
      ["downloads_os", "downloads_release", "downloads_releasefile"].map(async (table) => Number((await legacy.query(`SELECT count(*) FROM ${table}`)).rows[0].count)),
    );
    const report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "pages", "downloads"] });
    expect(stepReport(report, "downloads_os")).toMatchObject({ read: os, inserted: os, skipped: {} });
    expect(stepReport(report, "downloads_release")).toMatchObject({ read: releases, inserted: releases, skipped: {} });
    expect(stepReport(report, "downloads_releasefile")).toMatchObject({ read: files, inserted: files, skipped: {} });

    const fileColumns = `id, name, slug, os_id, release_id, description, is_source, url, gpg_signature_file, sigstore_signature_file, sigstore_cert_file,
      sigstore_bundle_file, sbom_spdx2_file, md5_sum, sha256_sum, filesize, download_button, created::text, updated::text`;
    expect((await target.query(`SELECT ${fileColumns} FROM release_files ORDER BY id`)).rows).toEqual(
      (await legacy.query(`SELECT ${fileColumns} FROM downloads_releasefile ORDER BY id`)).rows,
    );
    const releaseColumns = `id, name, slug, version, is_published, pre_release, show_on_download_page, release_date::text, release_notes_url, content, content_markup_type`;
    expect((await target.query(`SELECT ${releaseColumns} FROM releases ORDER BY id`)).rows).toEqual(
      (await legacy.query(`SELECT ${releaseColumns} FROM downloads_release ORDER BY id`)).rows,
    );
    expect((await target.query(`SELECT content_rendered FROM releases ORDER BY id`)).rows).toEqual(
      (await legacy.query(`SELECT _content_rendered AS content_rendered FROM downloads_release ORDER BY id`)).rows,
    );

    const again = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["downloads"] });
    for (const step of ["downloads_os", "downloads_release", "downloads_releasefile"]) {
      expect(stepReport(again, step)).toMatchObject({ inserted: 0, updated: 0 });
    }
  });

  it("derives version fields, keeps one latest per line, and serves the migrated data", async () => {
    const { rows } = await target.query(`SELECT name, version_major, version_minor, version_patch, pre_release_tag, pre_release_number FROM releases WHERE name IN ('Python 3.14.0rc3', 'Python install manager 25.0') ORDER BY name`);
    expect(rows).toEqual([
      { name: "Python 3.14.0rc3", version_major: 3, version_minor: 14, version_patch: 0, pre_release_tag: "rc", pre_release_number: 3 },
      { name: "Python install manager 25.0", version_major: 25, version_minor: 0, version_patch: null, pre_release_tag: null, pre_release_number: null },
    ]);
    const latest = await target.query(`SELECT version, count(*)::int AS n FROM releases WHERE is_latest GROUP BY version ORDER BY version`);
    expect(latest.rows.every((row) => row.n === 1)).toBe(true);

    const { rows: legacyIds } = await legacy.query(`SELECT id FROM downloads_release WHERE name = 'Python 3.14.0'`);
    const api = await ctx.app.request("/api/v1/downloads/release/?name=Python+3.14.0");
    const body = (await api.json()) as { objects: Array<{ resource_uri: string }> };
    expect(body.objects[0]!.resource_uri).toBe(`/api/v1/downloads/release/${legacyIds[0].id}/`);
    const page = await ctx.app.request("/downloads/release/python-3140/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("SHA-256 checksum");

    const created = await ctx.services.downloads.saveOperatingSystem({ input: { name: "Linux", slug: "linux" }, actor: "system" });
    const { rows: maxId } = await legacy.query(`SELECT max(id)::int AS id FROM downloads_os`);
    expect(created.id).toBeGreaterThan(maxId[0].id);
  });
});
