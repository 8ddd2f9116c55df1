// Creates the four model permissions (add/change/delete/view) of every registered model,
// as Django's post_migrate `create_permissions` does; existing rows are left alone.
import type { Db } from "../db/client.ts";
import { ADMIN_ACTIONS } from "./access.ts";
import type { AnyAdminResource } from "./types.ts";

/** Inserts missing Permission rows for the registry's models; safe to run on every start. */
export async function syncPermissions(db: Db, registry: { resources: readonly AnyAdminResource[] }): Promise<{ created: number }> {
  const data = registry.resources.flatMap((resource) =>
    ADMIN_ACTIONS.map((action) => ({
      appLabel: resource.appLabel,
      model: resource.model,
      codename: `${action}_${resource.model}`,
      name: `Can ${action} ${resource.verboseName}`,
    })),
  );
  const result = await db.permission.createMany({ data, skipDuplicates: true });
  return { created: result.count };
}
