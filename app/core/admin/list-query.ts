// The admin list's query string: `q` (search), `o` (ordering, `-` for descending),
// `p` (page) and one parameter per filter. Unknown or malformed values fall back to
// the defaults, so any URL renders a list rather than an error.
import { paginate, parsePage } from "./pagination.ts";
import type { AnyAdminResource, Ordering } from "./types.ts";

export const MAX_SEARCH_LENGTH = 200;
const RESERVED = new Set(["q", "o", "p"]);

export interface ListState {
  search: string;
  ordering: Ordering;
  filters: Record<string, string>;
  page: number;
}

// Control characters (NUL above all) cannot reach PostgreSQL text comparisons.
const clean = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, MAX_SEARCH_LENGTH);

function parseOrdering(resource: AnyAdminResource, raw: string | undefined): Ordering {
  const sortable = new Set(resource.listColumns.filter((column) => column.sortable).map((column) => column.name));
  const wanted = raw && sortable.has(raw.replace(/^-/, "")) ? raw : resource.defaultOrdering;
  return wanted.startsWith("-") ? { field: wanted.slice(1), direction: "desc" } : { field: wanted, direction: "asc" };
}

/** Reads the list state from the query; filters keep only values among their choices. */
export function parseListState(resource: AnyAdminResource, query: Record<string, string>): ListState {
  const filters: Record<string, string> = {};
  for (const filter of resource.filters) {
    const value = query[filter.name];
    if (!RESERVED.has(filter.name) && value !== undefined && filter.choices.some((choice) => choice.value === value)) filters[filter.name] = value;
  }
  return { search: clean(query.q ?? ""), ordering: parseOrdering(resource, query.o), filters, page: parsePage(query.p) };
}

/** The query string of a list state with some parts replaced (`null` removes a filter). */
export function listHref(base: string, state: ListState, changes: { o?: string; p?: number; filter?: [string, string | null] } = {}): string {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  const filters = { ...state.filters };
  if (changes.filter) {
    const [name, value] = changes.filter;
    if (value === null) delete filters[name];
    else filters[name] = value;
  }
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const ordering = changes.o ?? `${state.ordering.direction === "desc" ? "-" : ""}${state.ordering.field}`;
  params.set("o", ordering);
  const page = changes.p ?? (changes.filter || changes.o ? 1 : state.page);
  if (page > 1) params.set("p", String(page));
  return `${base}?${params.toString()}`;
}

/** Column headers with their sort links and aria-sort state. */
export function columnViews(resource: AnyAdminResource, base: string, state: ListState) {
  return resource.listColumns.map((column) => {
    const active = state.ordering.field === column.name;
    const nextDescending = active && state.ordering.direction === "asc";
    return {
      name: column.name,
      label: column.label,
      sortable: column.sortable ?? false,
      href: column.sortable ? listHref(base, state, { o: `${nextDescending ? "-" : ""}${column.name}` }) : "",
      ariaSort: active ? (state.ordering.direction === "asc" ? "ascending" : "descending") : "none",
    };
  });
}

/** Filter sidebars: "All" plus each choice, with the selected one marked. */
export function filterViews(resource: AnyAdminResource, base: string, state: ListState) {
  return resource.filters.map((filter) => ({
    name: filter.name,
    label: filter.label,
    options: [
      { label: "All", href: listHref(base, state, { filter: [filter.name, null] }), selected: state.filters[filter.name] === undefined },
      ...filter.choices.map((choice) => ({
        label: choice.label,
        href: listHref(base, state, { filter: [filter.name, choice.value] }),
        selected: state.filters[filter.name] === choice.value,
      })),
    ],
  }));
}

/** Page links for the list, each with its URL. */
export function pageViews(base: string, state: ListState, total: number, perPage: number) {
  const pagination = paginate({ page: state.page, perPage, total });
  return {
    ...pagination,
    items: pagination.links.map((n) =>
      n === null ? { gap: true, number: 0, href: "", current: false } : { gap: false, number: n, href: listHref(base, state, { p: n }), current: n === pagination.page },
    ),
  };
}
