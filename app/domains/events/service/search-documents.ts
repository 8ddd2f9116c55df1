// Search documents of the events domain (legacy search_indexes.py indexes events and
// calendars): upcoming events, dated by their next occurrence, and every calendar.
import type { Clock } from "../../../core/clock/clock.ts";
import type { Db } from "../../../core/db/client.ts";
import { documentId } from "../../../core/search/sources.ts";
import type { SearchDocument } from "../../../core/search/types.ts";
import type { EventView } from "../queries.ts";
import { nextOccurrence } from "../recurrence.ts";
import type { createEventReads } from "./reads.ts";
import { CALENDAR_SEARCH_TYPE, EVENT_SEARCH_TYPE } from "./writes.ts";

const BATCH = 200;

const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();

export function createEventSearch(deps: { db: Db; clock: Clock; reads: ReturnType<typeof createEventReads> }) {
  const { db, reads } = deps;
  const now = () => deps.clock.now();

  function eventDocument(event: EventView, moment: Date): SearchDocument | null {
    const next = nextOccurrence(event, moment);
    if (!next) return null;
    return {
      id: documentId(EVENT_SEARCH_TYPE, event.id),
      type: EVENT_SEARCH_TYPE,
      title: event.title,
      headings: [event.calendar.name, event.venue?.name ?? "", ...event.categories.map((category) => category.name)].filter(Boolean).join(" · "),
      body: plain(event.descriptionHtml),
      url: event.url,
      section: "events",
      date: next.start,
    };
  }

  /** The search document of an upcoming event, or null (past or gone). */
  async function eventSearchDocument(options: { id: number }): Promise<SearchDocument | null> {
    const [event] = await reads.loadEvents({ id: options.id });
    return event ? eventDocument(event, now()) : null;
  }

  /** Every upcoming event's document, in batches. */
  async function* eventSearchDocuments(): AsyncIterable<SearchDocument[]> {
    for (let cursor = 0; ;) {
      const events = await reads.loadEvents({ id: { gt: cursor } }, BATCH);
      if (events.length === 0) return;
      cursor = events.at(-1)!.id;
      const moment = now();
      const documents = events.map((event) => eventDocument(event, moment)).filter((document): document is SearchDocument => document !== null);
      if (documents.length > 0) yield documents;
    }
  }

  async function calendarDocuments(where: { id?: number }): Promise<SearchDocument[]> {
    const calendars = await db.eventCalendar.findMany({ where, select: { id: true, name: true, slug: true, description: true }, orderBy: { id: "asc" } });
    return calendars.map((calendar) => ({
      id: documentId(CALENDAR_SEARCH_TYPE, calendar.id),
      type: CALENDAR_SEARCH_TYPE,
      title: calendar.name,
      body: calendar.description,
      url: `/events/${calendar.slug}/`,
      section: "events",
    }));
  }

  /** A calendar's search document, or null. */
  async function calendarSearchDocument(options: { id: number }): Promise<SearchDocument | null> {
    return (await calendarDocuments({ id: options.id }))[0] ?? null;
  }

  /** Every calendar's document. */
  async function* calendarSearchDocuments(): AsyncIterable<SearchDocument[]> {
    const documents = await calendarDocuments({});
    if (documents.length > 0) yield documents;
  }

  return { eventSearchDocument, eventSearchDocuments, calendarSearchDocument, calendarSearchDocuments };
}
