// Compare-then-write for target rows keyed by legacy keys: a row is inserted when
// missing, updated only when a column differs, and otherwise left alone, so a second
// run writes nothing (no blind upserts touching `updated`).
import type pg from "pg";
import type { BatchContext } from "./types.ts";

/** A target row: column name → value (string, number, boolean or null; timestamps as text). */
export type TargetRow = Record<string, unknown>;

/** Which target table a step writes and how its rows are identified. */
export interface SyncSpec {
  table: string;
  /** Columns identifying a row: the kept legacy id, or a natural key. */
  key: string[];
  /** The other columns written and compared. */
  columns: string[];
}

/** Outcome of one synced row, for callers that need to know (e.g. notes). */
export type SyncOutcome = "inserted" | "updated" | "unchanged";

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Identifies a row by its key values (timestamps compare as text; see connect.ts). */
function keyOf(row: TargetRow, key: string[]): string {
  return JSON.stringify(key.map((column) => normalize(row[column])));
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function differs(wanted: TargetRow, existing: TargetRow, columns: string[]): boolean {
  return columns.some((column) => normalize(wanted[column]) !== normalize(existing[column]));
}

/** Rows of `table` whose key is among `rows`' keys. */
async function loadExisting(client: pg.ClientBase, spec: SyncSpec, rows: TargetRow[]): Promise<Map<string, TargetRow>> {
  if (rows.length === 0) return new Map();
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${spec.key.map((column) => `$${params.push(row[column])}`).join(", ")})`);
  const keyList = spec.key.map(quote).join(", ");
  const select = [...spec.key, ...spec.columns].map(quote).join(", ");
  const { rows: found } = await client.query<TargetRow>(`SELECT ${select} FROM ${quote(spec.table)} WHERE (${keyList}) IN (${tuples.join(", ")})`, params);
  return new Map(found.map((row) => [keyOf(row, spec.key), row]));
}

async function insertRows(client: pg.ClientBase, spec: SyncSpec, rows: TargetRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...spec.key, ...spec.columns];
  const params: unknown[] = [];
  const values = rows.map((row) => `(${columns.map((column) => `$${params.push(normalize(row[column]))}`).join(", ")})`);
  await client.query(`INSERT INTO ${quote(spec.table)} (${columns.map(quote).join(", ")}) VALUES ${values.join(", ")}`, params);
}

async function updateRow(client: pg.ClientBase, spec: SyncSpec, row: TargetRow): Promise<void> {
  const params: unknown[] = [];
  const assignments = spec.columns.map((column) => `${quote(column)} = $${params.push(normalize(row[column]))}`);
  const where = spec.key.map((column) => `${quote(column)} = $${params.push(normalize(row[column]))}`);
  await client.query(`UPDATE ${quote(spec.table)} SET ${assignments.join(", ")} WHERE ${where.join(" AND ")}`, params);
}

/** Writes `rows` (unique by key) to the target, counting each as inserted, updated or unchanged. */
export async function syncRows(ctx: BatchContext, spec: SyncSpec, rows: TargetRow[]): Promise<SyncOutcome[]> {
  const existing = await loadExisting(ctx.target, spec, rows);
  const outcomes: SyncOutcome[] = [];
  const inserts: TargetRow[] = [];
  for (const row of rows) {
    const current = existing.get(keyOf(row, spec.key));
    if (!current) {
      inserts.push(row);
      outcomes.push("inserted");
    } else if (spec.columns.length > 0 && differs(row, current, spec.columns)) {
      await updateRow(ctx.target, spec, row);
      outcomes.push("updated");
    } else {
      outcomes.push("unchanged");
    }
  }
  await insertRows(ctx.target, spec, inserts);
  ctx.tally.inserted(inserts.length);
  ctx.tally.updated(outcomes.filter((outcome) => outcome === "updated").length);
  ctx.tally.unchanged(outcomes.filter((outcome) => outcome === "unchanged").length);
  return outcomes;
}

/** The subset of `ids` present in `table.column` of the target (for foreign-key checks). */
export async function existingIds(client: pg.ClientBase, table: string, ids: Iterable<number>, column = "id"): Promise<Set<number>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const { rows } = await client.query<{ id: number }>(`SELECT ${quote(column)} AS id FROM ${quote(table)} WHERE ${quote(column)} = ANY($1::int[])`, [wanted]);
  return new Set(rows.map((row) => row.id));
}

/** Moves the identity sequence of `table.id` past its largest id, after inserts with explicit ids. */
export async function bumpSequence(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${quote(table)}), 0) + 1, false)`, [quote(table)]);
}

/**
 * The rows whose values of the unique `columns` already belong to a target row with another
 * `key` (e.g. a box label an editor reused on the new site); writing them would violate the index.
 */
export async function takenByOthers(client: pg.ClientBase, options: { table: string; columns: string[]; key: string }, rows: TargetRow[]): Promise<Set<TargetRow>> {
  const candidates = rows.filter((row) => options.columns.every((column) => row[column] !== null && row[column] !== undefined));
  if (candidates.length === 0) return new Set();
  const params: unknown[] = [];
  const tuples = candidates.map((row) => `(${options.columns.map((column) => `$${params.push(row[column])}`).join(", ")})`);
  const { rows: found } = await client.query<TargetRow>(
    `SELECT ${[options.key, ...options.columns].map(quote).join(", ")} FROM ${quote(options.table)}
     WHERE (${options.columns.map(quote).join(", ")}) IN (${tuples.join(", ")})`,
    params,
  );
  const owners = new Map<string, unknown[]>();
  for (const row of found) {
    const id = keyOf(row, options.columns);
    owners.set(id, [...(owners.get(id) ?? []), normalize(row[options.key])]);
  }
  return new Set(candidates.filter((row) => (owners.get(keyOf(row, options.columns)) ?? []).some((owner) => owner !== normalize(row[options.key]))));
}
