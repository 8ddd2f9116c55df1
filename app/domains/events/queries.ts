// Prisma shapes of the events domain and the plain views built from them.
import type { Prisma } from "../../core/db/client.ts";
import { isMarkupType, renderMarkup } from "../../core/markup/render.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";
import type { Occurrence } from "./recurrence.ts";

export const calendarSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  url: true,
  rss: true,
  embed: true,
  twitter: true,
  lastImportAt: true,
  lastImportOkAt: true,
  lastImportError: true,
  lastImportCreated: true,
  lastImportUpdated: true,
  lastImportRemoved: true,
} as const satisfies Prisma.EventCalendarSelect;
export type CalendarView = Prisma.EventCalendarGetPayload<{ select: typeof calendarSelect }>;

export const categorySelect = { id: true, name: true, slug: true, calendarId: true } as const satisfies Prisma.EventCategorySelect;
export type CategoryView = Prisma.EventCategoryGetPayload<{ select: typeof categorySelect }>;

export const locationSelect = { id: true, name: true, address: true, url: true, calendarId: true } as const satisfies Prisma.EventLocationSelect;
export type LocationView = Prisma.EventLocationGetPayload<{ select: typeof locationSelect }>;

export const eventSelect = {
  id: true,
  uid: true,
  title: true,
  calendarId: true,
  description: true,
  descriptionMarkupType: true,
  descriptionRendered: true,
  featured: true,
  created: true,
  updated: true,
  calendar: { select: { id: true, name: true, slug: true } },
  venue: { select: locationSelect },
  categories: { select: { category: { select: categorySelect } }, orderBy: { category: { name: "asc" } } },
  occurringRule: { select: { dtStart: true, dtEnd: true, allDay: true } },
  recurringRules: {
    select: { id: true, begin: true, finish: true, duration: true, durationSeconds: true, interval: true, frequency: true, allDay: true, rrule: true, exdates: true },
    orderBy: { id: "asc" },
  },
  alarms: { select: { id: true, trigger: true }, orderBy: { id: "asc" } },
} as const satisfies Prisma.EventSelect;
type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

export interface EventView extends Omit<EventRow, "categories" | "descriptionRendered"> {
  categories: CategoryView[];
  /** Sanitised HTML of the description. */
  descriptionHtml: string;
  /** The site path of the event page. */
  url: string;
}

/** An event with the occurrence a list shows it at. */
export interface ListedEvent extends EventView {
  when: Occurrence | null;
}

export function eventPath(event: { id: number; calendar: { slug: string } }): string {
  return `/events/${event.calendar.slug}/${event.id}/`;
}

function descriptionHtml(row: Pick<EventRow, "description" | "descriptionMarkupType" | "descriptionRendered">): string {
  if (row.descriptionRendered.trim() !== "") return sanitizeMarkupHtml(row.descriptionRendered);
  const type = isMarkupType(row.descriptionMarkupType) ? row.descriptionMarkupType : "plain";
  return renderMarkup(row.description, type).html;
}

export function toEventView(row: EventRow): EventView {
  const { categories, descriptionRendered: _rendered, ...rest } = row;
  return { ...rest, categories: categories.map((link) => link.category), descriptionHtml: descriptionHtml(row), url: eventPath(row) };
}

/** Legacy for_datetime: a single start after the moment, or a recurring rule finishing after it. */
export function upcomingWhere(moment: Date): Prisma.EventWhereInput {
  return { OR: [{ occurringRule: { dtStart: { gt: moment } } }, { recurringRules: { some: { finish: { gt: moment } } } }] };
}

/** Legacy until_datetime: a single end before the moment, or a recurring rule begun before it. */
export function pastWhere(moment: Date): Prisma.EventWhereInput {
  return { OR: [{ occurringRule: { dtEnd: { lt: moment } } }, { recurringRules: { some: { begin: { lt: moment } } } }] };
}
