// The shape of one admin registration: everything the generic admin needs to list,
// search, filter, edit, delete and audit one model, without knowing the model.
import type { z } from "zod";
import type { WriteHook } from "../db/write-hook.ts";
import type { CurrentUser } from "../http/env.ts";

/** The four Django model permissions: `<appLabel>.<action>_<model>`. */
export type AdminAction = "view" | "add" | "change" | "delete";

export type Widget = "text" | "textarea" | "markup" | "checkbox" | "checkboxes" | "select" | "number" | "datetime" | "password" | "email" | "url";

export interface Choice {
  value: string;
  label: string;
}

/** One form field as posted and shown: strings, a checkbox, several checked values, or inline rows. */
export type FieldValue = string | boolean | string[];
export type InlineRowValues = Record<string, FieldValue>;
export type FormValues = Record<string, FieldValue | InlineRowValues[] | undefined>;

export interface FieldSpec {
  name: string;
  label: string;
  widget: Widget;
  help?: string;
  /** Shown as required (the zod schema decides). */
  required?: boolean;
  /** Fixed choices for select/checkboxes; dynamic ones come from `loadChoices`. */
  choices?: Choice[];
  maxLength?: number;
  /** For `markup`: the field holding the markup type, used by the preview. */
  markupTypeField?: string;
  autocomplete?: string;
  /**
   * Django's prepopulated_fields: while left empty, the field is filled (in the browser) with the
   * slug of these fields' values, joined by spaces. In an inline, a name is the row's field and
   * `form:<name>` the main form's. The resource's server side fills an empty slug the same way.
   */
  prepopulateFrom?: string[];
}

export interface InlineSpec {
  /** Key of the array in the form schema, e.g. `groups`. */
  name: string;
  label: string;
  fields: FieldSpec[];
  /** Blank rows offered for new children. */
  extra: number;
  /** Rows accepted in one post; more is refused. */
  max: number;
  /** What one row is called in its card's legend ("File" → "File 2"); defaults to the inline's label. */
  itemLabel?: string;
  /** Rarely edited fields folded in a `<details>` at the end of each card (checksums, signature URLs). */
  folded?: { summary: string; fields: string[] };
}

export type CellValue = string | number | boolean | Date | null;

export interface ListColumn<Row> {
  name: string;
  label: string;
  value: (row: Row) => CellValue;
  /** Ordering key passed to `list` when the column is sortable (`o=<name>` / `o=-<name>`). */
  sortable?: boolean;
}

export interface ListFilter {
  name: string;
  label: string;
  choices: Choice[];
}

export interface Ordering {
  field: string;
  direction: "asc" | "desc";
}

export interface ListQuery {
  search?: string;
  /** Filter name → chosen value, only values among the filter's choices. */
  filters: Record<string, string>;
  ordering: Ordering;
  offset: number;
  limit: number;
}

export interface AdminRequest {
  user: CurrentUser;
}

export interface BulkAction<Row> {
  name: string;
  label: string;
  /** The model permission needed to run it. */
  permission: Exclude<AdminAction, "view">;
  /** Changes the selected records, calling `onWrite` for each one changed; returns how many. */
  run(args: AdminRequest & { ids: number[]; onWrite: WriteHook<Row> }): Promise<number>;
}

export interface AdminResource<Row, Input> {
  appLabel: string;
  model: string;
  verboseName: string;
  verboseNamePlural: string;
  listColumns: ListColumn<Row>[];
  /** Names of the fields `q` searches, shown next to the search box. */
  searchFields: string[];
  filters: ListFilter[];
  /** A sortable column name, `-` prefixed for descending. */
  defaultOrdering: string;
  perPage: number;
  form: { schema: z.ZodType<Input>; fields: FieldSpec[] };
  inlines?: InlineSpec[];
  bulkActions?: BulkAction<Row>[];
  list(args: AdminRequest & { query: ListQuery }): Promise<{ rows: Row[]; total: number }>;
  /** The record, or null when it does not exist. */
  load(args: AdminRequest & { id: number }): Promise<Row | null>;
  create(args: AdminRequest & { input: Input; onWrite: WriteHook<Row> }): Promise<Row>;
  update(args: AdminRequest & { id: number; input: Input; onWrite: WriteHook<Row> }): Promise<Row>;
  delete(args: AdminRequest & { id: number; onWrite: WriteHook<Row> }): Promise<void>;
  /** Form values of an existing record (passwords never included). */
  toFormValues(row: Row): FormValues;
  /** Form values of the add page. */
  initialValues?: FormValues;
  /** Choices computed per request (groups, permissions), keyed by field name. */
  loadChoices?(args: AdminRequest): Promise<Record<string, Choice[]>>;
  /** Fields this user may see but not change on this record: shown disabled; posting a different value is refused. */
  lockedFields?(args: AdminRequest & { row: Row | null }): string[];
  idOf(row: Row): number;
  toRepr(row: Row): string;
  /** The record's public path (e.g. `/box/<label>/`), linked as "View on site"; null when it has none. */
  viewOnSite?(row: Row): string | null;
  /** Extra sentences for the flash after a save, e.g. how a typed value was normalised. */
  savedNotes?(args: { values: FormValues; saved: Row }): string[];
  /** A JSON-safe picture of the record for the audit log (no secrets). */
  toAuditSnapshot(row: Row): Record<string, unknown>;
}

/** A registration with its row and input types erased, as the registry stores it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource keeps its own row and input types
export type AnyAdminResource = AdminResource<any, any>;
