// Runs legacy migrators against a target database: steps in dependency order, each
// reading its legacy table in batches by primary key, one transaction per batch with
// the resume state saved alongside (so a crash continues after the last committed
// batch), or everything in one rolled-back transaction for --dry-run.
import type pg from "pg";
import { connectLegacyClient, describeUrl } from "./connect.ts";
import { silentProgress, type Progress } from "./progress.ts";
import { LegacyMigrationError, orderMigrators, outsideDependencies, selectMigrators } from "./registry.ts";
import { stepLabel, type MigrationReport } from "./report.ts";
import { loadPassInProgress, saveStepState, finishedSteps } from "./state.ts";
import { bumpSequence } from "./sync.ts";
import { accountedRows, createTally, emptyCounts, sumValues, writtenRows } from "./tally.ts";
import type { LegacyRow, MigrationStep, Migrator, StepCounts, StepReport } from "./types.ts";

/** What to migrate, from where to where, and how. */
export interface RunOptions {
  sourceUrl: string;
  targetUrl: string;
  /** Every registered migrator; the runner orders them. */
  migrators: readonly Migrator[];
  /** Run only these migrators; their dependencies must already be migrated. */
  only?: readonly string[];
  dryRun?: boolean;
  batchSize?: number;
  progress?: Progress;
  /** Called after a batch's writes, before its commit; throwing simulates a crash (tests). */
  beforeCommit?: (info: { migrator: string; step: string; batch: number }) => void | Promise<void>;
}

interface RunContext {
  source: pg.Client;
  target: pg.Client;
  options: RunOptions;
  batchSize: number;
  batchesRun: number;
}

// Arbitrary constant: two legacy migrations into one database must not interleave.
const LEGACY_LOCK_KEY = 727_002;
const DEFAULT_BATCH_SIZE = 500;

/** Migrates the selected legacy tables; returns the per-step report. Throws LegacyMigrationError on bad input. */
export async function runLegacyMigration(options: RunOptions): Promise<MigrationReport> {
  const ordered = orderMigrators(options.migrators);
  const selected = selectMigrators(ordered, options.only);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new LegacyMigrationError(`batch size must be a positive integer, got ${batchSize}`);
  const source = await connect(options.sourceUrl, "legacy-migrate source", "the legacy database (--from)");
  const target = await connect(options.targetUrl, "legacy-migrate", "the target database").catch(async (error: unknown) => {
    await source.end();
    throw error;
  });
  try {
    await lockTarget(target);
    await checkSourceTables(source, selected);
    await checkTargetReady(target, selected, ordered);
    // One snapshot of the legacy data for the whole run, so foreign keys read consistently.
    await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const run: RunContext = { source, target, options, batchSize, batchesRun: 0 };
    const dryRun = options.dryRun ?? false;
    if (dryRun) await target.query("BEGIN");
    try {
      const steps: StepReport[] = [];
      for (const migrator of selected) {
        for (const step of migrator.steps) steps.push(await runStep(run, migrator, step));
      }
      return { dryRun, steps };
    } finally {
      if (dryRun) await target.query("ROLLBACK");
    }
  } finally {
    await source.end().catch(() => undefined);
    await target.end().catch(() => undefined);
  }
}

async function connect(url: string, applicationName: string, what: string): Promise<pg.Client> {
  try {
    return await connectLegacyClient(url, applicationName);
  } catch (error) {
    throw new LegacyMigrationError(`cannot connect to ${what} at ${describeUrl(url)}: ${(error as Error).message}`);
  }
}

async function lockTarget(target: pg.Client): Promise<void> {
  const { rows } = await target.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LEGACY_LOCK_KEY]);
  if (!rows[0]?.locked) throw new LegacyMigrationError("another legacy migration is running against this database");
}

async function checkSourceTables(source: pg.Client, selected: Migrator[]): Promise<void> {
  const tables = [...new Set(selected.flatMap((migrator) => migrator.steps.flatMap((step) => [step.table, ...(step.alsoReads ?? [])])))];
  const { rows } = await source.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(quote_ident(name)) IS NULL`, [tables]);
  if (rows.length > 0) {
    throw new LegacyMigrationError(`the legacy database has no table ${rows.map((row) => row.name).join(", ")}: is --from the python.org database?`);
  }
}

/** The target has our schema, and every dependency outside `--only` has been migrated before. */
async function checkTargetReady(target: pg.Client, selected: Migrator[], all: Migrator[]): Promise<void> {
  const { rows } = await target.query<{ ok: boolean }>(`SELECT to_regclass('legacy_migration_state') IS NOT NULL AS ok`);
  if (!rows[0]?.ok) throw new LegacyMigrationError("the target database has no legacy_migration_state table: run `npm run db:migrate` first");
  const byName = new Map(all.map((migrator) => [migrator.name, migrator]));
  for (const { migrator, dependency } of outsideDependencies(selected)) {
    const done = await finishedSteps(target, dependency);
    const steps = byName.get(dependency)!.steps.map(stepName);
    const missing = steps.filter((name) => !done.has(name));
    if (missing.length > 0) {
      const what = missing.length === steps.length ? "it has never been migrated" : `${missing.join(", ")} not finished`;
      throw new LegacyMigrationError(`"${migrator}" needs "${dependency}" migrated first (${what}): run with --only ${dependency} first, or without --only`);
    }
  }
}

function stepName(step: MigrationStep): string {
  return step.name ?? step.table;
}

async function runStep(run: RunContext, migrator: Migrator, step: MigrationStep): Promise<StepReport> {
  const name = stepName(step);
  const inProgress = await loadPassInProgress(run.target, migrator.name, name);
  let counts: StepCounts = inProgress?.counts ?? emptyCounts();
  let lastKey: string | null = inProgress?.lastKey ?? null;
  let freshPass = !inProgress;
  const label = stepLabel({ migrator: migrator.name, step: name, target: step.target });
  const progress = run.options.progress ?? silentProgress;
  progress.startStep(label, await countRows(run.source, step), counts.read);
  for (;;) {
    const rows = await fetchBatch(run, step, lastKey);
    if (rows.length === 0) break;
    const batchLastKey = String(rows.at(-1)!.key);
    counts = await inTransaction(run, async () => {
      const next = await writeBatch(run, step, rows, counts);
      await saveStepState(run.target, { migrator: migrator.name, step: name, lastKey: batchLastKey, counts: next, freshPass });
      run.batchesRun += 1;
      await run.options.beforeCommit?.({ migrator: migrator.name, step: name, batch: run.batchesRun });
      return next;
    }).catch((error: unknown) => {
      throw wrapError(error, `${label}, batch after key ${lastKey ?? "(start)"}`);
    });
    lastKey = batchLastKey;
    freshPass = false;
    progress.advance(counts.read);
  }
  await inTransaction(run, async () => {
    for (const table of step.sequences ?? []) await bumpSequence(run.target, table);
    await saveStepState(run.target, { migrator: migrator.name, step: name, lastKey: null, counts, freshPass });
  });
  progress.endStep(`${label}: ${counts.read} read, ${writtenRows(counts)} written, ${counts.unchanged} unchanged, ${sumValues(counts.skipped)} skipped`);
  return { migrator: migrator.name, step: name, table: step.table, target: step.target, resumed: Boolean(inProgress), ...counts };
}

async function writeBatch(run: RunContext, step: MigrationStep, rows: LegacyRow[], counts: StepCounts): Promise<StepCounts> {
  const tally = createTally(counts);
  tally.counts.read += rows.length;
  await step.write(rows, { target: run.target, source: run.source, tally });
  const accounted = accountedRows(tally.counts) - accountedRows(counts);
  if (accounted !== rows.length) {
    throw new Error(`the step accounted for ${accounted} of ${rows.length} rows (each row must be inserted, updated, unchanged or skipped once)`);
  }
  return tally.counts;
}

/** Runs `work` in its own transaction, or inside the dry run's one. */
async function inTransaction<T>(run: RunContext, work: () => Promise<T>): Promise<T> {
  if (run.options.dryRun) return work();
  await run.target.query("BEGIN");
  try {
    const result = await work();
    await run.target.query("COMMIT");
    return result;
  } catch (error) {
    await run.target.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

function orderExpression(step: MigrationStep): string {
  return step.keyType === "text" ? `legacy.key COLLATE "C"` : "legacy.key";
}

async function fetchBatch(run: RunContext, step: MigrationStep, after: string | null): Promise<LegacyRow[]> {
  const order = orderExpression(step);
  const cast = step.keyType === "text" ? "text" : "bigint";
  const where = after === null ? "" : `WHERE ${order} > $2::${cast}`;
  const params: unknown[] = after === null ? [run.batchSize] : [run.batchSize, after];
  const { rows } = await run.source.query<LegacyRow>(`SELECT * FROM (${step.query}) AS legacy ${where} ORDER BY ${order} LIMIT $1`, params);
  return rows;
}

async function countRows(source: pg.Client, step: MigrationStep): Promise<number> {
  const { rows } = await source.query<{ count: string }>(`SELECT count(*) AS count FROM (${step.query}) AS legacy`);
  return Number(rows[0]?.count ?? 0);
}

function wrapError(error: unknown, where: string): Error {
  if (error instanceof LegacyMigrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${where}: ${message}`, { cause: error });
}
