import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formView } from "./form-view.ts";
import { parseAdminForm, toDateTimeInput, validateAdminForm } from "./forms.ts";
import { paginate, parsePage } from "./pagination.ts";
import type { FieldSpec, InlineSpec } from "./types.ts";

const fields: FieldSpec[] = [
  { name: "title", label: "Title", widget: "text", required: true },
  { name: "count", label: "Count", widget: "number" },
  { name: "when", label: "When", widget: "datetime" },
  { name: "active", label: "Active", widget: "checkbox" },
  { name: "kind", label: "Kind", widget: "select", choices: [{ value: "a", label: "A" }] },
  {
    name: "tags",
    label: "Tags",
    widget: "checkboxes",
    choices: [
      { value: "1", label: "One" },
      { value: "2", label: "Two" },
    ],
  },
];
const inlines: InlineSpec[] = [{ name: "rows", label: "Rows", fields: [{ name: "n", label: "N", widget: "number" }], extra: 2, max: 3 }];
const schema = z.object({
  title: z.string().min(2, "Too short."),
  count: z.number().int().optional(),
  when: z.date().optional(),
  active: z.boolean(),
  kind: z.enum(["a"]).optional(),
  tags: z.array(z.string()),
  rows: z.array(z.object({ n: z.number().max(10, "At most 10.") })),
});
const parse = (body: Record<string, unknown>, options: { locked?: string[]; current?: Record<string, unknown> } = {}) =>
  parseAdminForm({ fields, inlines, body, choices: {}, locked: new Set(options.locked ?? []), current: (options.current ?? {}) as never });

describe("admin forms", () => {
  it("turns posted strings into typed input: empty → undefined, checkboxes → booleans, numbers, dates", () => {
    const parsed = parse({ title: "Hello", count: "42", when: "2026-11-23T07:30", active: "on", kind: "", tags: ["1", "2", "1"], "rows-TOTAL": "0" });
    expect(parsed.input).toEqual({ title: "Hello", count: 42, when: new Date(Date.UTC(2026, 10, 23, 7, 30)), active: true, kind: undefined, tags: ["1", "2"], rows: [] });
    expect(parsed.errors).toEqual({});
    expect(parse({}).input).toMatchObject({ title: undefined, active: false, tags: [] });
  });

  it("reports conversion problems as field errors, NUL bytes included", () => {
    const parsed = parse({ title: "a\u0000b", count: "4.5", when: "2026-02-30T10:00", kind: "z", tags: ["9"] });
    expect(Object.keys(parsed.errors).sort()).toEqual(["count", "kind", "tags", "title", "when"]);
    expect(parsed.values.title).toBe("a\u0000b");
  });

  it("reads inline rows, skipping blank and deleted ones, and maps zod errors back to the form row", () => {
    const parsed = parse({ title: "Hi", "rows-TOTAL": "3", "rows-0-n": "", "rows-1-n": "5", "rows-1-DELETE": "on", "rows-2-n": "11" });
    expect(parsed.input.rows).toEqual([{ n: 11 }]);
    const result = validateAdminForm(schema, parsed);
    expect(result).toEqual({ ok: false, errors: { "rows-2-n": ["At most 10."] } });
    expect(parse({ "rows-TOTAL": "6" }).errors.rows).toEqual(["Send at most 3 rows."]);
    expect(parse({ "rows-TOTAL": "x" }).errors.rows).toBeDefined();
  });

  it("keeps locked fields at their current value and flags attempts to change them", () => {
    const untouched = parse({ title: "Hi" }, { locked: ["active"], current: { active: true } });
    expect(untouched.input.active).toBe(true);
    expect(untouched.lockedChanges).toEqual([]);
    const forged = parse({ title: "Hi", active: "on" }, { locked: ["active"], current: { active: false } });
    expect(forged.lockedChanges).toEqual(["active"]);
  });

  it("says 'This field is required.' instead of zod's type message", () => {
    const result = validateAdminForm(schema, parse({ "rows-TOTAL": "0" }));
    expect(result).toEqual({ ok: false, errors: { title: ["This field is required."] } });
  });

  it("builds views with aria-describedby, errors and an error summary in form order", () => {
    const view = formView({
      fields,
      inlines,
      values: { title: "x", tags: ["2"] },
      errors: { title: ["Too short."], "rows-0-n": ["Bad."] },
      choices: {},
      locked: new Set(),
      readOnly: false,
      firstRender: true,
    });
    const title = view.fields[0]!;
    expect(title).toMatchObject({ id: "id_title", describedBy: "id_title-error", errors: ["Too short."], value: "x" });
    expect(view.fields[5]!.choices).toEqual([
      { value: "1", label: "One", selected: false },
      { value: "2", label: "Two", selected: true },
    ]);
    expect(view.inlines[0]!.total).toBe(2);
    expect(view.summary).toEqual([
      { text: "Title: Too short.", href: "#id_title" },
      { text: "Rows row 1, N: Bad.", href: "#id_rows-0-n" },
    ]);
  });

  it("formats datetime inputs in UTC", () => {
    expect(toDateTimeInput(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe("2026-01-02T03:04");
    expect(toDateTimeInput(null)).toBe("");
  });
});

describe("pagination", () => {
  it("parses only positive page numbers", () => {
    expect(["2", "0", "-1", "abc", "1e3", "99999999999", undefined].map(parsePage)).toEqual([2, 1, 1, 1, 1, 1, 1]);
  });

  it("clamps the page and lists links with gaps", () => {
    expect(paginate({ page: 6, perPage: 10, total: 200 }).links).toEqual([1, 2, null, 4, 5, 6, 7, 8, null, 19, 20]);
    expect(paginate({ page: 50, perPage: 10, total: 25 })).toMatchObject({ page: 3, pageCount: 3, offset: 20, links: [1, 2, 3] });
    expect(paginate({ page: 1, perPage: 10, total: 0 })).toMatchObject({ page: 1, pageCount: 1, offset: 0 });
  });
});
