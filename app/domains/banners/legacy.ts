// Legacy migrator for banners_banner (python/pythondotorg:apps/banners/models.py).
// Legacy banners have no timestamps; ours get `created`/`updated` on insert only.
import { syncRows } from "../../core/legacy/sync.ts";
import type { Migrator } from "../../core/legacy/types.ts";

/** Site-wide banners; no dependencies. */
export const bannersLegacyMigrator: Migrator = {
  name: "banners",
  dependsOn: [],
  steps: [
    {
      table: "banners_banner",
      target: "banners",
      query: `SELECT b.id AS key, b.id, b.title, b.message, b.link, b.active, b.psf_pages_only FROM banners_banner AS b`,
      sequences: ["banners"],
      async write(rows, ctx) {
        const banners = rows.map(({ key: _key, ...banner }) => banner);
        await syncRows(ctx, { table: "banners", key: ["id"], columns: ["title", "message", "link", "active", "psf_pages_only"] }, banners);
      },
    },
  ],
};
