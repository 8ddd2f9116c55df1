// The registered modules' legacy migrators, for tests of the migration machinery (which
// lives in core and so may not import the domains itself).
import { legacyMigratorsOf } from "../core/modules/index.ts";
import { DOMAIN_MODULES } from "../domains/index.ts";

export const LEGACY_MIGRATORS = legacyMigratorsOf(DOMAIN_MODULES);
