// What the public pages, feeds and API read (legacy apps/events/views.py): calendars,
// upcoming and past lists ordered by each event's next (or last) occurrence with the
// recurring rules expanded, the landing's "happening now" and "just missed", details.
import type { Clock } from "../../../core/clock/clock.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import { AppError } from "../../../core/errors.ts";
import { pageOf, type PageOf } from "../pagination.ts";
import {
  calendarSelect,
  categorySelect,
  eventSelect,
  locationSelect,
  pastWhere,
  toEventView,
  upcomingWhere,
  type CalendarView,
  type CategoryView,
  type EventView,
  type ListedEvent,
  type LocationView,
} from "../queries.ts";
import { currentOccurrence, nextOccurrence, previousOccurrence, upcomingOccurrences, type Occurrence } from "../recurrence.ts";

/** Legacy page sizes: event lists 6, category and location lists 30. */
export const EVENTS_PER_PAGE = 6;
export const TAXONOMY_PER_PAGE = 30;
const SIDEBAR_SIZE = 10;
const DAY_MS = 86_400_000;

export type CalendarListView = { kind: "upcoming" } | { kind: "past" } | { kind: "date"; date: Date } | { kind: "category"; slug: string } | { kind: "location"; id: number };

export interface CalendarPage {
  calendar: CalendarView;
  view: CalendarListView;
  category: CategoryView | null;
  location: LocationView | null;
  page: PageOf<ListedEvent>;
  featured: ListedEvent | null;
  /** Legacy "events_today": the two calendar events that most recently took place. */
  recent: ListedEvent[];
  categories: CategoryView[];
  locations: LocationView[];
}

export interface EventPage {
  calendar: CalendarView;
  event: EventView;
  when: Occurrence | null;
  upcoming: Occurrence[];
  /** Date-view paths 7, 30, 90 and 365 days after the next occurrence. */
  windows: Array<{ days: number; path: string }>;
  previousEvent: ListedEvent | null;
  nextEvent: ListedEvent | null;
  atVenue: ListedEvent[];
  inCategory: ListedEvent[];
  categories: CategoryView[];
  locations: LocationView[];
}

const byStart = (a: ListedEvent, b: ListedEvent) => (a.when?.start.getTime() ?? 0) - (b.when?.start.getTime() ?? 0) || a.id - b.id;
const byStartDesc = (a: ListedEvent, b: ListedEvent) => (b.when?.start.getTime() ?? 0) - (a.when?.start.getTime() ?? 0) || b.id - a.id;

export function datePath(calendarSlug: string, date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `/events/${calendarSlug}/date/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/`;
}

export function createEventReads(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function loadEvents(where: Prisma.EventWhereInput, take?: number, orderBy?: Prisma.EventOrderByWithRelationInput[]): Promise<EventView[]> {
    const rows = await db.event.findMany({ where, select: eventSelect, orderBy: orderBy ?? [{ id: "asc" }], take });
    return rows.map(toEventView);
  }

  /** Events with their next occurrence after `moment`, soonest first (recurring rules expanded). */
  function upcomingAt(events: EventView[], moment: Date): ListedEvent[] {
    return events
      .map((event) => ({ ...event, when: nextOccurrence(event, moment) }))
      .filter((event) => event.when !== null)
      .sort(byStart);
  }

  /** Events with their last occurrence before `moment`, most recent first. */
  function pastAt(events: EventView[], moment: Date): ListedEvent[] {
    return events
      .map((event) => ({ ...event, when: previousOccurrence(event, moment) }))
      .filter((event) => event.when !== null)
      .sort(byStartDesc);
  }

  /** Every calendar, by name (legacy CalendarList). */
  async function listCalendars(): Promise<CalendarView[]> {
    return db.eventCalendar.findMany({ select: calendarSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  /** One calendar by slug, or NOT_FOUND. */
  async function getCalendar(options: { slug: string }): Promise<CalendarView> {
    const calendar = await db.eventCalendar.findUnique({ where: { slug: options.slug }, select: calendarSelect });
    if (!calendar) throw new AppError("NOT_FOUND", "There is no such calendar.");
    return calendar;
  }

  /** The /events/ landing: up to 2 under way, every upcoming event soonest first, the 2 just missed. */
  async function getEventsHome(): Promise<{ now: ListedEvent[]; upcoming: ListedEvent[]; justMissed: ListedEvent[] }> {
    const moment = clock.now();
    const recentFloor = new Date(moment.getTime() - 365 * DAY_MS);
    const [upcomingRows, recentRows] = await Promise.all([
      loadEvents(upcomingWhere(moment)),
      loadEvents(
        {
          OR: [{ occurringRule: { dtStart: { lte: moment } } }, { recurringRules: { some: { begin: { lt: moment }, finish: { gt: recentFloor } } } }],
        },
        50,
        [{ occurringRule: { dtEnd: "desc" } }, { id: "desc" }],
      ),
    ]);
    const now = [...upcomingRows, ...recentRows.filter((row) => !upcomingRows.some((upcoming) => upcoming.id === row.id))]
      .map((event) => ({ ...event, when: currentOccurrence(event, moment) }))
      .filter((event) => event.when !== null)
      .sort(byStart)
      .slice(0, 2);
    return { now, upcoming: upcomingAt(upcomingRows, moment), justMissed: pastAt(recentRows, moment).slice(0, 2) };
  }

  /** Up to `limit` upcoming events of every calendar (the home page's "Upcoming Events"). */
  async function listUpcomingEvents(options: { limit: number; calendarSlug?: string }): Promise<ListedEvent[]> {
    const moment = clock.now();
    const where: Prisma.EventWhereInput = { AND: [upcomingWhere(moment), options.calendarSlug ? { calendar: { slug: options.calendarSlug } } : {}] };
    return upcomingAt(await loadEvents(where), moment).slice(0, options.limit);
  }

  async function sidebar(calendarId: number) {
    return Promise.all([
      db.eventCategory.findMany({ where: { calendarId }, select: categorySelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: SIDEBAR_SIZE }),
      db.eventLocation.findMany({ where: { calendarId }, select: locationSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: SIDEBAR_SIZE }),
    ]);
  }

  async function viewObject(calendar: CalendarView, view: CalendarListView) {
    if (view.kind === "category") {
      const category = await db.eventCategory.findFirst({ where: { calendarId: calendar.id, slug: view.slug }, select: categorySelect });
      if (!category) throw new AppError("NOT_FOUND", "There is no such category.");
      return { category, location: null, filter: { categories: { some: { categoryId: category.id } } } satisfies Prisma.EventWhereInput };
    }
    if (view.kind === "location") {
      const location = await db.eventLocation.findFirst({ where: { calendarId: calendar.id, id: view.id }, select: locationSelect });
      if (!location) throw new AppError("NOT_FOUND", "There is no such location.");
      return { category: null, location, filter: { venueId: location.id } satisfies Prisma.EventWhereInput };
    }
    return { category: null, location: null, filter: {} };
  }

  /** A calendar's list page (upcoming, past, from a date, by category or venue), 6 per page. */
  async function getCalendarPage(options: { slug: string; view: CalendarListView; page: number | "last" }): Promise<CalendarPage> {
    const calendar = await getCalendar({ slug: options.slug });
    const moment = clock.now();
    const { category, location, filter } = await viewObject(calendar, options.view);
    const base: Prisma.EventWhereInput = { calendarId: calendar.id, ...filter };
    const from = options.view.kind === "date" ? options.view.date : moment;
    const [listed, recentRows, [categories, locations]] = await Promise.all([
      options.view.kind === "past"
        ? loadEvents({ AND: [base, pastWhere(moment)] }).then((rows) => pastAt(rows, moment))
        : loadEvents({ AND: [base, upcomingWhere(from)] }).then((rows) => upcomingAt(rows, from)),
      loadEvents({ AND: [{ calendarId: calendar.id }, pastWhere(moment)] }, 50, [{ occurringRule: { dtEnd: "desc" } }, { id: "desc" }]),
      sidebar(calendar.id),
    ]);
    return {
      calendar,
      view: options.view,
      category,
      location,
      page: pageOf(listed, options.page, EVENTS_PER_PAGE),
      featured: listed.find((event) => event.featured) ?? null,
      recent: pastAt(recentRows, moment).slice(0, 2),
      categories,
      locations,
    };
  }

  /** A calendar's categories (or locations), 30 per page. */
  async function getTaxonomyPage<K extends "categories" | "locations">(options: { slug: string; kind: K; page: number | "last" }) {
    const calendar = await getCalendar({ slug: options.slug });
    const where = { calendarId: calendar.id };
    const items: Array<CategoryView | LocationView> =
      options.kind === "categories"
        ? await db.eventCategory.findMany({ where, select: categorySelect, orderBy: [{ name: "asc" }, { id: "asc" }] })
        : await db.eventLocation.findMany({ where, select: locationSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
    const [categories, locations] = await sidebar(calendar.id);
    return { calendar, page: pageOf(items, options.page, TAXONOMY_PER_PAGE), categories, locations };
  }

  /** One event by id, or NOT_FOUND. */
  async function getEvent(options: { id: number }): Promise<EventView> {
    const row = await db.event.findUnique({ where: { id: options.id }, select: eventSelect });
    if (!row) throw new AppError("NOT_FOUND", "There is no such event.");
    return toEventView(row);
  }

  /** The event page: when, the date windows, previous and next in the calendar, more at the venue and in the categories. */
  async function getEventPage(options: { slug: string; id: number }): Promise<EventPage> {
    const calendar = await getCalendar({ slug: options.slug });
    const event = await getEvent({ id: options.id });
    if (event.calendarId !== calendar.id) throw new AppError("NOT_FOUND", "There is no such event.");
    const moment = clock.now();
    const next = nextOccurrence(event, moment);
    const when =
      next ??
      previousOccurrence(event, moment) ??
      (event.occurringRule ? { start: event.occurringRule.dtStart, end: event.occurringRule.dtEnd, allDay: event.occurringRule.allDay, recurring: false } : null);
    const [others, [categories, locations]] = await Promise.all([loadEvents({ calendarId: calendar.id, id: { not: event.id } }), sidebar(calendar.id)]);
    const reference = when?.start ?? moment;
    const upcomingOthers = upcomingAt(others, moment);
    const categoryIds = new Set(event.categories.map((category) => category.id));
    return {
      calendar,
      event,
      when,
      upcoming: upcomingOccurrences(event, moment, 5),
      windows: next ? [7, 30, 90, 365].map((days) => ({ days, path: datePath(calendar.slug, new Date(next.start.getTime() + days * DAY_MS)) })) : [],
      previousEvent: pastAt(others, reference)[0] ?? null,
      nextEvent: upcomingAt(others, reference)[0] ?? null,
      atVenue: event.venue ? upcomingOthers.filter((other) => other.venue?.id === event.venue!.id).slice(0, 5) : [],
      inCategory: upcomingOthers.filter((other) => other.categories.some((category) => categoryIds.has(category.id))).slice(0, 5),
      categories,
      locations,
    };
  }

  /** Every event of a calendar (its .ics and RSS feeds), by id. */
  async function listCalendarEvents(options: { calendarId: number }): Promise<EventView[]> {
    return loadEvents({ calendarId: options.calendarId });
  }

  /** The RSS items of a calendar: its upcoming events soonest first, then the latest past ones. */
  async function listFeedEvents(options: { calendarId: number; limit: number }): Promise<ListedEvent[]> {
    const moment = clock.now();
    return upcomingAt(await loadEvents({ AND: [{ calendarId: options.calendarId }, upcomingWhere(moment)] }), moment).slice(0, options.limit);
  }

  return {
    loadEvents,
    listCalendars,
    getCalendar,
    getEventsHome,
    listUpcomingEvents,
    getCalendarPage,
    getTaxonomyPage,
    getEvent,
    getEventPage,
    listCalendarEvents,
    listFeedEvents,
  };
}
