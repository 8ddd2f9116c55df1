// Every legacy migrator, one per domain. The runner orders them by `dependsOn` (foreign
// keys), so the listing order only breaks ties. Add a domain's migrator here when its
// app/domains/<d>/legacy.ts exists.
import { bannersLegacyMigrator } from "../../domains/banners/legacy.ts";
import { boxesLegacyMigrator } from "../../domains/boxes/legacy.ts";
import { downloadsLegacyMigrator } from "../../domains/downloads/legacy.ts";
import { pagesLegacyMigrator } from "../../domains/pages/legacy.ts";
import { usersLegacyMigrator } from "../../domains/users/legacy.ts";
import type { Migrator } from "./types.ts";

/** The registered migrators (users, boxes, banners, pages: navigation and redirects, downloads). */
export const LEGACY_MIGRATORS: readonly Migrator[] = [
  usersLegacyMigrator,
  boxesLegacyMigrator,
  bannersLegacyMigrator,
  pagesLegacyMigrator,
  downloadsLegacyMigrator,
];
