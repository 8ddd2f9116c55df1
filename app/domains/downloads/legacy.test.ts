// The downloads migrator on the README's sample: ids kept, every era's sidecar fields,
// the draft and the install manager, and the API answering by the legacy ids afterwards.
import { expect, it } from "vitest";
import { migrateLegacy, stepReport } from "../../testing/legacy-sample.ts";
import { describeWithLegacySample, useLegacyBed } from "../../testing/legacy-bed.ts";

describeWithLegacySample("downloads legacy migrator", () => {
  const bed = useLegacyBed();

  it("carries every OS, release and file with its id, and a second run writes nothing", async () => {
    const [os, releases, files] = await Promise.all(
      ["downloads_os", "downloads_release", "downloads_releasefile"].map(async (table) => Number((await bed.legacy.query(`SELECT count(*) FROM ${table}`)).rows[0].count)),
    );
    const report = await migrateLegacy(bed.legacy, bed.ctx.databaseUrl, { only: ["users", "pages", "downloads"] });
    expect(stepReport(report, "downloads_os")).toMatchObject({ read: os, inserted: os, skipped: {} });
    expect(stepReport(report, "downloads_release")).toMatchObject({ read: releases, inserted: releases, skipped: {} });
    expect(stepReport(report, "downloads_releasefile")).toMatchObject({ read: files, inserted: files, skipped: {} });

    const fileColumns = `id, name, slug, os_id, release_id, description, is_source, url, gpg_signature_file, sigstore_signature_file, sigstore_cert_file,
      sigstore_bundle_file, sbom_spdx2_file, md5_sum, sha256_sum, filesize, download_button, created::text, updated::text`;
    expect((await bed.target.query(`SELECT ${fileColumns} FROM release_files ORDER BY id`)).rows).toEqual(
      (await bed.legacy.query(`SELECT ${fileColumns} FROM downloads_releasefile ORDER BY id`)).rows,
    );
    const releaseColumns = `id, name, slug, version, is_published, pre_release, show_on_download_page, release_date::text, release_notes_url, content, content_markup_type`;
    expect((await bed.target.query(`SELECT ${releaseColumns} FROM releases ORDER BY id`)).rows).toEqual(
      (await bed.legacy.query(`SELECT ${releaseColumns} FROM downloads_release ORDER BY id`)).rows,
    );
    expect((await bed.target.query(`SELECT content_rendered FROM releases ORDER BY id`)).rows).toEqual(
      (await bed.legacy.query(`SELECT _content_rendered AS content_rendered FROM downloads_release ORDER BY id`)).rows,
    );

    const again = await migrateLegacy(bed.legacy, bed.ctx.databaseUrl, { only: ["downloads"] });
    for (const step of ["downloads_os", "downloads_release", "downloads_releasefile"]) {
      expect(stepReport(again, step)).toMatchObject({ inserted: 0, updated: 0 });
    }
  });

  it("derives version fields, keeps one latest per line, and serves the migrated data", async () => {
    const { rows } = await bed.target.query(
      `SELECT name, version_major, version_minor, version_patch, pre_release_tag, pre_release_number FROM releases WHERE name IN ('Python 3.14.0rc3', 'Python install manager 25.0') ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: "Python 3.14.0rc3", version_major: 3, version_minor: 14, version_patch: 0, pre_release_tag: "rc", pre_release_number: 3 },
      { name: "Python install manager 25.0", version_major: 25, version_minor: 0, version_patch: null, pre_release_tag: null, pre_release_number: null },
    ]);
    const latest = await bed.target.query(`SELECT version, count(*)::int AS n FROM releases WHERE is_latest GROUP BY version ORDER BY version`);
    expect(latest.rows.every((row) => row.n === 1)).toBe(true);

    const { rows: legacyIds } = await bed.legacy.query(`SELECT id FROM downloads_release WHERE name = 'Python 3.14.0'`);
    const api = await bed.ctx.app.request("/api/v1/downloads/release/?name=Python+3.14.0");
    const body = (await api.json()) as { objects: Array<{ resource_uri: string }> };
    expect(body.objects[0]!.resource_uri).toBe(`/api/v1/downloads/release/${legacyIds[0].id}/`);
    const page = await bed.ctx.app.request("/downloads/release/python-3140/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("SHA-256 checksum");

    const created = await bed.ctx.services.downloads.saveOperatingSystem({ input: { name: "Linux", slug: "linux" }, actor: "system" });
    const { rows: maxId } = await bed.legacy.query(`SELECT max(id)::int AS id FROM downloads_os`);
    expect(created.id).toBeGreaterThan(maxId[0].id);
  });
});
