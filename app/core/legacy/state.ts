// The resume state in `legacy_migration_state`: per migrator step, the last legacy key
// of the pass in progress (NULL when none is), its running counts, and when a pass last
// finished.
import type pg from "pg";
import { parseCounts } from "./tally.ts";
import type { StepCounts } from "./types.ts";

/** A pass interrupted after some committed batches. */
export interface PassInProgress {
  lastKey: string;
  counts: StepCounts;
}

/** The interrupted pass of a step, or undefined when the next run starts afresh. */
export async function loadPassInProgress(client: pg.ClientBase, migrator: string, step: string): Promise<PassInProgress | undefined> {
  const { rows } = await client.query<{ last_key: string | null; counts: unknown }>(`SELECT last_key, counts FROM legacy_migration_state WHERE migrator = $1 AND step = $2`, [
    migrator,
    step,
  ]);
  const row = rows[0];
  if (!row || row.last_key === null) return undefined;
  return { lastKey: row.last_key, counts: parseCounts(row.counts) };
}

/** Records progress after a batch, in the batch's transaction; `lastKey: null` marks the pass finished. */
export async function saveStepState(
  client: pg.ClientBase,
  options: { migrator: string; step: string; lastKey: string | null; counts: StepCounts; freshPass: boolean },
): Promise<void> {
  await client.query(
    `INSERT INTO legacy_migration_state AS s (migrator, step, last_key, counts, started_at, updated_at, finished_at)
     VALUES ($1, $2, $3::varchar, $4, now(), now(), CASE WHEN $3::varchar IS NULL THEN now() END)
     ON CONFLICT (migrator, step) DO UPDATE SET
       last_key = EXCLUDED.last_key,
       counts = EXCLUDED.counts,
       updated_at = now(),
       started_at = CASE WHEN $5 THEN now() ELSE s.started_at END,
       finished_at = CASE WHEN $3::varchar IS NULL THEN now() ELSE s.finished_at END`,
    [options.migrator, options.step, options.lastKey, JSON.stringify(options.counts), options.freshPass],
  );
}

/** Names of the steps of `migrator` that have finished at least one pass. */
export async function finishedSteps(client: pg.ClientBase, migrator: string): Promise<Set<string>> {
  const { rows } = await client.query<{ step: string }>(`SELECT step FROM legacy_migration_state WHERE migrator = $1 AND finished_at IS NOT NULL`, [migrator]);
  return new Set(rows.map((row) => row.step));
}
