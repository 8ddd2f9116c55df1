// Per-step counters: every legacy row read ends up inserted, updated, unchanged or
// skipped (with a reason); notes record rows written with an adjustment worth knowing.
import type { StepCounts } from "./types.ts";

/** Records the outcome of each legacy row of one step. */
export interface Tally {
  inserted(count?: number): void;
  updated(count?: number): void;
  unchanged(count?: number): void;
  /** The row was not written; `reason` says why (shown in the report). */
  skip(reason: string, count?: number): void;
  /** The row was written with an adjustment, e.g. "empty alias stored as NULL". */
  note(reason: string, count?: number): void;
  readonly counts: StepCounts;
}

/** Counts of a step that has not read anything yet. */
export function emptyCounts(): StepCounts {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: {}, notes: {} };
}

/** A tally continuing from `initial` (the counts of an interrupted pass). */
export function createTally(initial: StepCounts = emptyCounts()): Tally {
  const counts: StepCounts = { ...initial, skipped: { ...initial.skipped }, notes: { ...initial.notes } };
  const bump = (bucket: Record<string, number>, reason: string, count: number) => {
    bucket[reason] = (bucket[reason] ?? 0) + count;
  };
  return {
    counts,
    inserted: (count = 1) => void (counts.inserted += count),
    updated: (count = 1) => void (counts.updated += count),
    unchanged: (count = 1) => void (counts.unchanged += count),
    skip: (reason, count = 1) => bump(counts.skipped, reason, count),
    note: (reason, count = 1) => bump(counts.notes, reason, count),
  };
}

/** Rows a step has accounted for (each read row must land in exactly one bucket). */
export function accountedRows(counts: StepCounts): number {
  return counts.inserted + counts.updated + counts.unchanged + sumValues(counts.skipped);
}

/** Rows written (inserted or updated). */
export function writtenRows(counts: StepCounts): number {
  return counts.inserted + counts.updated;
}

/** The sum of a reason → count record. */
export function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((total, value) => total + value, 0);
}

/** Parses counts stored in the state table, tolerating missing fields. */
export function parseCounts(value: unknown): StepCounts {
  const raw = (value && typeof value === "object" ? value : {}) as Partial<StepCounts>;
  const number = (input: unknown) => (typeof input === "number" && Number.isFinite(input) ? input : 0);
  const record = (input: unknown) => Object.fromEntries(Object.entries(input && typeof input === "object" ? input : {}).map(([key, count]) => [key, number(count)]));
  return {
    read: number(raw.read),
    inserted: number(raw.inserted),
    updated: number(raw.updated),
    unchanged: number(raw.unchanged),
    skipped: record(raw.skipped),
    notes: record(raw.notes),
  };
}
