// Where the legacy test bed lives (kept apart from legacy-sample.ts so unit tests can
// read sample files without loading the migration code).
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The shared legacy test bed (README, schema.sql, load_dumpdata.py, sample/): LEGACY_TESTBED_DIR,
 * else `../shared/legacy` beside the checkout, else the workplace copy (CI clones elsewhere).
 */
export const LEGACY_TESTBED_DIR =
  process.env.LEGACY_TESTBED_DIR ??
  [path.resolve(import.meta.dirname, "../../../shared/legacy"), "/work/shared/legacy"].find((dir) => existsSync(path.join(dir, "schema.sql"))) ??
  path.resolve(import.meta.dirname, "../../../shared/legacy");

/** True when the test bed and its tools are present (tests skip otherwise). */
export function legacyTestbedAvailable(): boolean {
  return existsSync(path.join(LEGACY_TESTBED_DIR, "schema.sql")) && existsSync(path.join(LEGACY_TESTBED_DIR, "load_dumpdata.py"));
}
