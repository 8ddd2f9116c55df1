// Posted admin forms ⇄ the zod input of a registration. Browsers post strings only:
// "" means "not given", a checkbox is present or absent, numbers and dates arrive as
// text. Conversion problems become field errors next to the zod ones, so a bad
// value yields a 422 form, never an exception.
import type { z } from "zod";
import type { FieldErrors } from "../errors.ts";
import type { Choice, FieldSpec, FieldValue, FormValues, InlineRowValues, InlineSpec } from "./types.ts";

export type RawBody = Record<string, unknown>;

export interface ParsedForm {
  /** What the form shows again on a 422: the values as posted. */
  values: FormValues;
  /** What the zod schema validates. */
  input: Record<string, unknown>;
  /** Conversion errors keyed by input name (`label`, `groups-2-groupId`). */
  errors: FieldErrors;
  /** Names of locked fields whose posted value differs from the record's. */
  lockedChanges: string[];
  /** For each inline, the form row index of each row kept in `input`. */
  inlineRows: Record<string, number[]>;
}

interface Converted {
  display: FieldValue;
  input: unknown;
  error?: string;
}

const NUL_MESSAGE = "Remove the NUL characters; they cannot be stored.";
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Every string posted under `name` (files are ignored). */
function postedStrings(body: RawBody, name: string): string[] {
  const raw = body[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((value): value is string => typeof value === "string");
}

/** Formats a date for `<input type="datetime-local">`, in UTC. */
export function toDateTimeInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

function parseDateTime(text: string): Date | undefined {
  const match = DATETIME.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? date : undefined;
}

function convertText(spec: FieldSpec, text: string, choices: Choice[] | undefined): Converted {
  if (text.includes("\0")) return { display: text, input: undefined, error: NUL_MESSAGE };
  if (text === "") return { display: "", input: undefined };
  if (spec.widget === "number") {
    return /^-?\d{1,15}$/.test(text.trim()) ? { display: text, input: Number(text.trim()) } : { display: text, input: undefined, error: "Enter a whole number." };
  }
  if (spec.widget === "datetime") {
    const date = parseDateTime(text.trim());
    return date ? { display: text, input: date } : { display: text, input: undefined, error: "Enter a date and time as YYYY-MM-DD HH:MM." };
  }
  if (spec.widget === "select" && choices && !choices.some((choice) => choice.value === text)) {
    return { display: text, input: undefined, error: "Select a valid choice." };
  }
  return { display: text, input: text };
}

/** Converts one field's posted strings into its display and input values. */
export function convertField(spec: FieldSpec, posted: string[], choices: Choice[] | undefined): Converted {
  if (spec.widget === "checkbox") return { display: posted.length > 0, input: posted.length > 0 };
  if (spec.widget === "checkboxes") {
    const picked = [...new Set(posted)];
    const valid = choices ?? [];
    const bad = picked.some((value) => !valid.some((choice) => choice.value === value));
    return bad ? { display: picked, input: undefined, error: "Select valid choices." } : { display: picked, input: picked };
  }
  return convertText(spec, posted[0] ?? "", choices);
}

function sameValue(a: unknown, b: unknown): boolean {
  const normal = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : (value ?? ""));
  return normal(a) === normal(b);
}

function parseFields(options: ParseOptions, values: FormValues, input: Record<string, unknown>, errors: FieldErrors, lockedChanges: string[]) {
  for (const spec of options.fields) {
    const choices = options.choices[spec.name] ?? spec.choices;
    const posted = postedStrings(options.body, spec.name);
    if (options.locked.has(spec.name)) {
      const current = options.current[spec.name];
      const absent = spec.widget === "checkbox" ? posted.length === 0 : options.body[spec.name] === undefined;
      if (!absent && !sameValue(convertField(spec, posted, choices).display, current)) lockedChanges.push(spec.name);
      values[spec.name] = current as FieldValue | undefined;
      input[spec.name] = convertField(spec, toStrings(current), choices).input;
      continue;
    }
    const converted = convertField(spec, posted, choices);
    values[spec.name] = converted.display;
    input[spec.name] = converted.input;
    if (converted.error) errors[spec.name] = [converted.error];
  }
}

function toStrings(value: unknown): string[] {
  if (value === true) return ["on"];
  if (value === false || value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

interface InlineResult {
  rows: InlineRowValues[];
  input: Array<Record<string, unknown>>;
  kept: number[];
}

/** Reads rows `<inline>-<i>-<field>` up to `<inline>-TOTAL`; blank and DELETE-ticked rows are dropped. */
function parseInline(inline: InlineSpec, options: ParseOptions, errors: FieldErrors): InlineResult | undefined {
  const totalText = postedStrings(options.body, `${inline.name}-TOTAL`)[0];
  if (totalText === undefined) return undefined;
  const total = /^\d{1,4}$/.test(totalText) ? Number(totalText) : Number.NaN;
  if (!(total <= inline.max + inline.extra)) {
    errors[inline.name] = [`Send at most ${inline.max} rows.`];
    return { rows: [], input: [], kept: [] };
  }
  const result: InlineResult = { rows: [], input: [], kept: [] };
  for (let index = 0; index < total; index += 1) {
    const row: InlineRowValues = {};
    const rowInput: Record<string, unknown> = {};
    let blank = true;
    for (const spec of inline.fields) {
      const converted = convertField(spec, postedStrings(options.body, `${inline.name}-${index}-${spec.name}`), options.choices[spec.name] ?? spec.choices);
      row[spec.name] = converted.display;
      rowInput[spec.name] = converted.input;
      if (converted.display !== "" && converted.display !== false) blank = false;
      if (converted.error) errors[`${inline.name}-${index}-${spec.name}`] = [converted.error];
    }
    row.DELETE = postedStrings(options.body, `${inline.name}-${index}-DELETE`).length > 0;
    result.rows.push(row);
    if (blank || row.DELETE) {
      for (const spec of inline.fields) delete errors[`${inline.name}-${index}-${spec.name}`];
      continue;
    }
    result.input.push(rowInput);
    result.kept.push(index);
  }
  return result;
}

interface ParseOptions {
  fields: FieldSpec[];
  inlines: InlineSpec[];
  body: RawBody;
  choices: Record<string, Choice[]>;
  /** Field and inline names the user may not change. */
  locked: Set<string>;
  /** The record's current values (the initial values when adding). */
  current: FormValues;
}

/** Converts a posted body into display values, zod input and conversion errors. */
export function parseAdminForm(options: ParseOptions): ParsedForm {
  const values: FormValues = {};
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const lockedChanges: string[] = [];
  const inlineRows: Record<string, number[]> = {};
  parseFields(options, values, input, errors, lockedChanges);
  for (const inline of options.inlines) {
    const current = (options.current[inline.name] as InlineRowValues[] | undefined) ?? [];
    const parsed = parseInline(inline, options, errors);
    if (options.locked.has(inline.name)) {
      const posted = parsed ? parsed.input.map((row) => JSON.stringify(row)) : undefined;
      const now = current.map((row) => JSON.stringify(convertRow(inline, row, options)));
      if (posted && !sameValue(posted, now)) lockedChanges.push(inline.name);
      values[inline.name] = current;
      input[inline.name] = current.map((row) => convertRow(inline, row, options));
      continue;
    }
    values[inline.name] = parsed?.rows ?? [];
    input[inline.name] = parsed?.input ?? [];
    inlineRows[inline.name] = parsed?.kept ?? [];
  }
  return { values, input, errors, lockedChanges, inlineRows };
}

function convertRow(inline: InlineSpec, row: InlineRowValues, options: ParseOptions): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const spec of inline.fields) converted[spec.name] = convertField(spec, toStrings(row[spec.name]), options.choices[spec.name] ?? spec.choices).input;
  return converted;
}

/** Maps a zod issue path to the input name the form shows it next to. */
function errorKey(path: PropertyKey[], inlineRows: Record<string, number[]>): string {
  if (path.length === 0) return "_";
  const [head, index, field] = path;
  const rows = inlineRows[String(head)];
  if (rows && typeof index === "number") {
    const formIndex = rows[index] ?? index;
    return field === undefined ? String(head) : `${String(head)}-${formIndex}-${String(field)}`;
  }
  return String(head);
}

const requiredMessage = (issue: { code: string; input?: unknown }) => (issue.code === "invalid_type" && issue.input === undefined ? "This field is required." : undefined);

/** Validates a parsed form against the schema; conversion errors win over zod's for the same field. */
export function validateAdminForm<Input>(schema: z.ZodType<Input>, parsed: ParsedForm): { ok: true; data: Input } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(parsed.input, { error: requiredMessage });
  const errors: FieldErrors = { ...parsed.errors };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = errorKey(issue.path, parsed.inlineRows);
      if (parsed.errors[key]) continue;
      (errors[key] ??= []).push(issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, data: result.data };
}
