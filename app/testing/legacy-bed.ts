// The setup every legacy-migrator test shares: skipped with a printed reason when the
// test bed is missing; otherwise a fresh target database (the app's test context), a
// clone of the loaded legacy sample, and a pg client on the target, all in UTC.
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestContext, type TestContext } from "./deps.ts";
import { createLegacySampleDatabase, legacyTestbedAvailable, type LegacyDatabase } from "./legacy-sample.ts";
import { skipUnless } from "./skip.ts";

/** `describe` for tests that need the legacy sample; skips with the reason when it is absent. */
export const describeWithLegacySample = describe.skipIf(skipUnless(legacyTestbedAvailable(), "the legacy test bed is missing (set LEGACY_TESTBED_DIR to ../shared/legacy)"));

export interface LegacyBed {
  ctx: TestContext;
  legacy: LegacyDatabase;
  /** A plain client on the migrated database, for asserting rows as SQL sees them. */
  target: pg.Client;
}

/** Registers the hooks and returns the bed; read its fields inside tests only. */
export function useLegacyBed(): LegacyBed {
  const bed: Partial<LegacyBed> = {};
  beforeAll(async () => {
    bed.ctx = await createTestContext();
    await bed.ctx.reset();
    bed.legacy = await createLegacySampleDatabase();
    bed.target = new pg.Client({ connectionString: bed.ctx.databaseUrl });
    await bed.target.connect();
    await bed.target.query("SET TIME ZONE 'UTC'");
    await bed.legacy.query("SET TIME ZONE 'UTC'");
  });
  afterAll(async () => {
    await bed.target?.end();
    await bed.legacy?.drop();
    await bed.ctx?.close();
  });
  return bed as LegacyBed;
}
