// Legacy migrator for django_redirect (django.contrib.redirects). The new site serves one
// site, so site_id is dropped: when several sites redirect the same old path, site 1's
// row (www.python.org) wins, else the lowest id. An empty new_path means 410 Gone.
import { syncRows, takenByOthers } from "../../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, MigrationStep } from "../../../core/legacy/types.ts";

async function writeRedirects(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const redirects = [];
  for (const row of rows) {
    if (row.shadowed) {
      ctx.tally.skip("old_path duplicated on another site → kept site 1's (or the lowest id)");
      continue;
    }
    if (row.site_id !== 1) ctx.tally.note("redirect of another site kept (sites are not modelled)");
    redirects.push({ id: row.id, old_path: row.old_path, new_path: row.new_path });
  }
  const taken = await takenByOthers(ctx.target, { table: "redirects", columns: ["old_path"], key: "id" }, redirects);
  if (taken.size > 0) ctx.tally.skip("old_path already redirected by another row on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "redirects", key: ["id"], columns: ["old_path", "new_path"] },
    redirects.filter((row) => !taken.has(row)),
  );
}

/** Editor redirects (django_redirect). */
export const redirectSteps: MigrationStep[] = [
  {
    table: "django_redirect",
    target: "redirects",
    query: `
        SELECT r.id AS key, r.id, r.site_id, r.old_path, r.new_path,
          EXISTS (SELECT 1 FROM django_redirect AS o WHERE o.old_path = r.old_path AND o.id <> r.id
                  AND ((o.site_id = 1 AND r.site_id <> 1) OR ((o.site_id = 1) = (r.site_id = 1) AND o.id < r.id))) AS shadowed
        FROM django_redirect AS r`,
    sequences: ["redirects"],
    write: writeRedirects,
  },
];
