// What the form templates receive: every field resolved to its id, value, choices,
// errors and the ids its aria-describedby names, so the macros only print.
import type { FieldErrors } from "../errors.ts";
import type { Choice, FieldSpec, FieldValue, FormValues, InlineRowValues, InlineSpec } from "./types.ts";

export interface FieldView {
  name: string;
  id: string;
  label: string;
  widget: FieldSpec["widget"];
  help: string;
  required: boolean;
  value: string;
  checked: boolean;
  choices: Array<Choice & { selected: boolean }>;
  errors: string[];
  disabled: boolean;
  describedBy: string;
  maxLength?: number;
  autocomplete?: string;
  markupTypeId?: string;
  /** Space-separated ids of the inputs this field's slug is made from (data-prepopulate), or "". */
  prepopulate: string;
  /** Sanitised preview HTML of a markup field, when a preview was asked for. */
  preview?: string;
}

export interface InlineRowView {
  index: number;
  /** "File 2": the legend of the row's card. */
  legend: string;
  /** Every field, in spec order. */
  fields: FieldView[];
  /** The fields shown first, and those folded in the row's `<details>`. */
  main: FieldView[];
  folded: FieldView[];
  /** The fold starts open when one of its fields has an error, so the error summary's link lands on a visible input. */
  foldedOpen: boolean;
  canDelete: boolean;
  deleteChecked: boolean;
  deleteId: string;
}

export interface InlineView {
  name: string;
  label: string;
  total: number;
  disabled: boolean;
  errors: string[];
  foldedSummary: string;
  rows: InlineRowView[];
}

export interface ErrorSummaryItem {
  text: string;
  href?: string;
}

const fieldId = (name: string) => `id_${name}`;

function asText(value: FieldValue | InlineRowValues[] | undefined): string {
  return typeof value === "string" ? value : "";
}

/** One field's view; `name` is the posted input name (inline fields carry a prefix). */
export function fieldView(
  spec: FieldSpec,
  name: string,
  value: FieldValue | InlineRowValues[] | undefined,
  options: { errors: FieldErrors; choices?: Choice[]; disabled: boolean; prepopulateIds?: string[] },
): FieldView {
  const id = fieldId(name);
  const errors = options.errors[name] ?? [];
  const picked = Array.isArray(value) ? value.map(String) : [asText(value)];
  const describedBy = [errors.length > 0 ? `${id}-error` : "", spec.help ? `${id}-help` : ""].filter(Boolean).join(" ");
  return {
    name,
    id,
    label: spec.label,
    widget: spec.widget,
    help: spec.help ?? "",
    required: spec.required ?? false,
    value: spec.widget === "password" ? "" : asText(value),
    checked: value === true,
    choices: (options.choices ?? spec.choices ?? []).map((choice) => ({ ...choice, selected: picked.includes(choice.value) })),
    errors,
    disabled: options.disabled,
    describedBy,
    maxLength: spec.maxLength,
    autocomplete: spec.autocomplete,
    markupTypeId: spec.markupTypeField ? fieldId(spec.markupTypeField) : undefined,
    prepopulate: options.disabled ? "" : (options.prepopulateIds ?? (spec.prepopulateFrom ?? []).map(fieldId)).join(" "),
  };
}

const blankRow = (inline: InlineSpec): InlineRowValues => Object.fromEntries(inline.fields.map((spec) => [spec.name, spec.widget === "checkbox" ? false : ""]));

function hasValue(row: InlineRowValues, inline: InlineSpec): boolean {
  return inline.fields.some((spec) => row[spec.name] !== "" && row[spec.name] !== false && row[spec.name] !== undefined);
}

/** An inline's rows, one card each; on a first render the record's rows plus `extra` blank ones. */
export function inlineView(
  inline: InlineSpec,
  rows: InlineRowValues[],
  options: { errors: FieldErrors; choices: Record<string, Choice[]>; disabled: boolean; addBlank: boolean },
): InlineView {
  const all = options.addBlank && !options.disabled ? [...rows, ...Array.from({ length: inline.extra }, () => blankRow(inline))] : rows;
  const own = new Set(inline.fields.map((spec) => spec.name));
  const foldedNames = new Set(inline.folded?.fields ?? []);
  return {
    name: inline.name,
    label: inline.label,
    total: all.length,
    disabled: options.disabled,
    errors: options.errors[inline.name] ?? [],
    foldedSummary: inline.folded?.summary ?? "",
    rows: all.map((row, index) => {
      const prefix = `${inline.name}-${index}-`;
      const fields = inline.fields.map((spec) =>
        fieldView(spec, `${prefix}${spec.name}`, row[spec.name], {
          errors: options.errors,
          choices: options.choices[spec.name],
          disabled: options.disabled,
          prepopulateIds: (spec.prepopulateFrom ?? []).map((source) =>
            fieldId(source.startsWith("form:") ? source.slice("form:".length) : own.has(source) ? `${prefix}${source}` : source),
          ),
        }),
      );
      const folded = fields.filter((_, position) => foldedNames.has(inline.fields[position]!.name));
      return {
        index,
        legend: `${inline.itemLabel ?? inline.label} ${index + 1}`,
        fields,
        main: fields.filter((_, position) => !foldedNames.has(inline.fields[position]!.name)),
        folded,
        foldedOpen: folded.some((field) => field.errors.length > 0),
        canDelete: hasValue(row, inline),
        deleteChecked: row.DELETE === true,
        deleteId: fieldId(`${prefix}DELETE`),
      };
    }),
  };
}

/** The error summary at the top of the form: one link per field error, in form order. */
export function errorSummary(errors: FieldErrors, labels: Map<string, string>): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  const order = [...labels.keys()];
  const rank = (key: string) => (key === "_" ? -1 : order.includes(key) ? order.indexOf(key) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, messages] of entries) {
    for (const message of messages) {
      if (key === "_") items.push({ text: message });
      else items.push({ text: `${labels.get(key) ?? key}: ${message}`, href: `#${fieldId(key)}` });
    }
  }
  return items;
}

/** What a form is shown with: its values, errors, choices and which fields may change. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
  choices: Record<string, Choice[]>;
  locked: Set<string>;
  readOnly: boolean;
  firstRender: boolean;
  previews?: Record<string, string>;
}

/** Builds the field, inline and summary views of a whole form. */
export function formView(options: FormState & { fields: FieldSpec[]; inlines: InlineSpec[] }) {
  const fields = options.fields.map((spec) => ({
    ...fieldView(spec, spec.name, options.values[spec.name], {
      errors: options.errors,
      choices: options.choices[spec.name],
      disabled: options.readOnly || options.locked.has(spec.name),
    }),
    preview: options.previews?.[spec.name],
  }));
  const inlines = options.inlines.map((inline) =>
    inlineView(inline, (options.values[inline.name] as InlineRowValues[] | undefined) ?? [], {
      errors: options.errors,
      choices: options.choices,
      disabled: options.readOnly || options.locked.has(inline.name),
      addBlank: options.firstRender,
    }),
  );
  const labels = new Map<string, string>(options.fields.map((spec) => [spec.name, spec.label]));
  for (const inline of inlines) {
    labels.set(inline.name, inline.label);
    for (const row of inline.rows) for (const field of row.fields) labels.set(field.name, `${inline.label} row ${row.index + 1}, ${field.label}`);
  }
  return { fields, inlines, summary: errorSummary(options.errors, labels) };
}
