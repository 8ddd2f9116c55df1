// The shape of a legacy migrator: one per domain (app/domains/<d>/legacy.ts), made of
// steps that each read one legacy table in batches ordered by its primary key.
import type pg from "pg";
import type { Tally } from "./tally.ts";

/** A row as node-postgres returns it from the legacy database. */
export type LegacyRow = Record<string, unknown>;

/** What a step's `write` receives for one batch. */
export interface BatchContext {
  /** The target database, inside the batch's transaction (or the dry run's). */
  target: pg.ClientBase;
  /** The legacy database (read-only use). */
  source: pg.ClientBase;
  /** Where the step records inserted/updated/unchanged/skipped rows and notes. */
  tally: Tally;
}

/** One legacy table (or one pass over it) migrated in batches keyed by its primary key. */
export interface MigrationStep {
  /** Unique within the migrator; names the resume state. Defaults to `table`. */
  name?: string;
  /** The legacy table this step walks, e.g. `users_user`. */
  table: string;
  /** Other legacy tables the query joins (checked to exist before the run). */
  alsoReads?: string[];
  /** The target table written, for the report, e.g. `users`. */
  target: string;
  /**
   * SELECT over the legacy database returning one row per legacy row, with a column named
   * `key` (the legacy primary key); the runner pages it with `key > $last ORDER BY key`.
   */
  query: string;
  /** `int` keys compare numerically, `text` keys in byte order (collation "C"). Default int. */
  keyType?: "int" | "text";
  /** Target tables given explicit ids, whose identity sequences must be moved past max(id). */
  sequences?: string[];
  /** Maps and writes one batch; must account for every row in `ctx.tally` exactly once. */
  write(rows: LegacyRow[], ctx: BatchContext): Promise<void>;
}

/** A domain's migrator: its steps run in order, after every migrator it depends on. */
export interface Migrator {
  /** The domain name, as given to `--only`. */
  name: string;
  /** Migrators whose target rows this one references (foreign keys). */
  dependsOn: string[];
  steps: MigrationStep[];
}

/** Counts of one step, as reported and as kept in the state table. */
export interface StepCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
  notes: Record<string, number>;
}

/** One line of the final report. */
export interface StepReport extends StepCounts {
  migrator: string;
  step: string;
  table: string;
  target: string;
  /** True when this run continued an interrupted pass (counts include the earlier part). */
  resumed: boolean;
}
