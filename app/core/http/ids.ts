// Record ids read from URLs, query strings and resource URIs. Every legacy id column is a
// PostgreSQL `integer`, so a longer number names no row; it must answer as "not found"
// (Django 5's IntegerFieldOverflow turns such lookups into empty results), never reach
// the database, where it is an error and would answer 500. Every number read from a
// request goes through this file: `parseDbId` for path segments, `dbIdSchema` and
// `dbIntegerSchema` for form, query and JSON fields, `fitIntFilter` for filters.

import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column. */
export const MAX_DB_ID = 2_147_483_647;

/** Digits only, as Django's `int` path converter (`[0-9]+`, leading zeros allowed). */
export const ID_DIGITS = /^[0-9]+$/;

/**
 * The id written in `raw` when it is digits naming a possible row (1 … MAX_DB_ID);
 * undefined for anything else, out-of-range numbers included.
 */
export function parseDbId(raw: string | undefined | null): number | undefined {
  if (typeof raw !== "string" || !ID_DIGITS.test(raw)) return undefined;
  const id = Number(raw);
  return id >= 1 && id <= MAX_DB_ID ? id : undefined;
}

/** True for a number a row id can be (a whole number in 1 … MAX_DB_ID). */
export function isDbId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_DB_ID;
}

/** The smallest value of a PostgreSQL `integer` column. */
export const MIN_DB_INT = -2_147_483_648;

/** True when an `integer` column can hold `value`. */
export function fitsDbInteger(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_DB_INT && value <= MAX_DB_ID;
}

/** A Prisma-style filter on an integer column. */
export interface IntFilter {
  equals?: number;
  in?: number[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

const NOTHING = { in: [] as number[] };

/**
 * A comparison on an `integer` column rewritten so that numbers the column cannot hold
 * never reach the database, with Django 5's meaning (IntegerFieldOverflow): `exact` such a
 * number matches nothing, `in` drops it, and a bound beyond the range either matches
 * nothing (`gt` 1e11) or constrains nothing (`lt` 1e11).
 */
export function fitIntFilter<F extends IntFilter>(filter: F): F | typeof NOTHING {
  const fitted: IntFilter = { ...filter };
  if (fitted.equals !== undefined && !fitsDbInteger(fitted.equals)) return NOTHING;
  if (fitted.in) fitted.in = fitted.in.filter(fitsDbInteger);
  for (const bound of ["gt", "gte"] as const) {
    const value = fitted[bound];
    if (value === undefined || fitsDbInteger(value)) continue;
    if (value > MAX_DB_ID) return NOTHING;
    delete fitted[bound];
  }
  for (const bound of ["lt", "lte"] as const) {
    const value = fitted[bound];
    if (value === undefined || fitsDbInteger(value)) continue;
    if (value < MIN_DB_INT) return NOTHING;
    delete fitted[bound];
  }
  return fitted as F;
}

/** A number, or the text of a whole number as forms post it (other text becomes NaN, which fails). */
function wholeNumberOrText(message: string) {
  return z
    .union([z.number(), z.string()], { error: message })
    .transform((value) => (typeof value === "number" ? value : /^\s*[-+]?[0-9]{1,16}\s*$/.test(value) ? Number(value.trim()) : Number.NaN));
}

const idNumber = (message: string) => z.number({ error: message }).int(message).min(1, message).max(MAX_DB_ID, message);

/** A record id in service input or a JSON body: a whole number in 1 … MAX_DB_ID; anything else fails with `message`. */
export function dbIdSchema(message = "Select a valid choice.") {
  return idNumber(message);
}

/** A record id from a form or query string: the number or its digits as text, in 1 … MAX_DB_ID. */
export function dbIdTextSchema(message = "Select a valid choice.") {
  return wholeNumberOrText(message).pipe(idNumber(message));
}

/** A value an `integer` column can hold, from a number or its digits as text. */
export function dbIntegerSchema(message = "Enter a whole number.") {
  return wholeNumberOrText(message).pipe(
    z
      .number({ error: message })
      .int(message)
      .min(MIN_DB_INT, `Ensure this value is greater than or equal to ${MIN_DB_INT}.`)
      .max(MAX_DB_ID, `Ensure this value is less than or equal to ${MAX_DB_ID}.`),
  );
}
