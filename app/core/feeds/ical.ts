// iCalendar documents for calendar subscribers (ical-generator): stable UIDs, no
// METHOD (these are published calendars, not invitations), a refresh hint, and
// all-day events whose inclusive last day becomes RFC 5545's exclusive DTEND.
import type { Context } from "hono";
import ical, { ICalAlarmType, ICalEventRepeatingFreq } from "ical-generator";
import { conditionalResponse } from "./conditional.ts";

export interface CalendarEntry {
  /** Imported events keep their source UID; others get `event-<id>@python.org`. */
  uid?: string | null;
  id: number | string;
  title: string;
  description?: string;
  start: Date;
  /** For all-day events, the last day of the event (inclusive), as legacy stores it. */
  end?: Date;
  allDay?: boolean;
  location?: string;
  url?: string;
  lastModified?: Date;
  recurrence?: { frequency: "yearly" | "monthly" | "weekly" | "daily"; interval?: number; until?: Date };
  /** Minutes before the start at which to remind. */
  alarmsMinutesBefore?: number[];
}

export interface CalendarDocument {
  name: string;
  description?: string;
  url?: string;
  /** How often subscribers should re-fetch, in minutes. */
  refreshMinutes?: number;
  entries: CalendarEntry[];
}

const FREQUENCIES = {
  yearly: ICalEventRepeatingFreq.YEARLY,
  monthly: ICalEventRepeatingFreq.MONTHLY,
  weekly: ICalEventRepeatingFreq.WEEKLY,
  daily: ICalEventRepeatingFreq.DAILY,
} as const;

export function stableUid(entry: Pick<CalendarEntry, "uid" | "id">): string {
  return entry.uid && entry.uid.trim() !== "" ? entry.uid : `event-${entry.id}@python.org`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Builds the VCALENDAR text. */
export function buildCalendar(document: CalendarDocument): string {
  const calendar = ical({
    name: document.name,
    description: document.description,
    url: document.url,
    prodId: { company: "Python Software Foundation", product: "python.org", language: "EN" },
    ttl: (document.refreshMinutes ?? 60) * 60,
  });
  for (const entry of document.entries) {
    const end = entry.allDay ? addDays(entry.end ?? entry.start, 1) : entry.end;
    const event = calendar.createEvent({
      id: stableUid(entry),
      summary: entry.title,
      description: entry.description,
      start: entry.start,
      end,
      allDay: entry.allDay ?? false,
      location: entry.location,
      url: entry.url,
      lastModified: entry.lastModified,
      stamp: entry.lastModified ?? entry.start,
      repeating: entry.recurrence ? { freq: FREQUENCIES[entry.recurrence.frequency], interval: entry.recurrence.interval, until: entry.recurrence.until } : undefined,
    });
    for (const minutes of entry.alarmsMinutesBefore ?? []) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: minutes * 60, description: entry.title });
    }
  }
  return calendar.toString();
}

export function calendarResponse(c: Context, document: CalendarDocument): Response {
  const newest = document.entries.reduce<Date | undefined>(
    (latest, entry) => (entry.lastModified && (!latest || entry.lastModified > latest) ? entry.lastModified : latest),
    undefined,
  );
  return conditionalResponse(c, {
    body: buildCalendar(document),
    contentType: "text/calendar; charset=utf-8",
    lastModified: newest,
  });
}
