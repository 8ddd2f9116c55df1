// Template data of the events pages: dates written the way legacy's time_tag include
// does (all-day and multi-day aware, in UTC as legacy's TIME_ZONE), map and
// add-to-calendar links.
import type { ListedEvent } from "./queries.ts";
import type { Occurrence } from "./recurrence.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_MS = 86_400_000;

export interface WhenView {
  startIso: string;
  endIso: string;
  label: string;
  day: string;
  month: string;
  year: number;
  allDay: boolean;
  recurring: boolean;
}

const pad = (value: number) => String(value).padStart(2, "0");
const dateLabel = (date: Date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const timeLabel = (date: Date) => `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

/** How an occurrence is written on the pages. */
export function presentWhen(occurrence: Occurrence | null): WhenView | null {
  if (!occurrence) return null;
  const { start, end, allDay } = occurrence;
  let label: string;
  if (allDay) label = sameDay(start, end) ? dateLabel(start) : `${dateLabel(start)} – ${dateLabel(end)}`;
  else if (sameDay(start, end)) label = `${dateLabel(start)}, ${timeLabel(start)} – ${timeLabel(end)} UTC`;
  else label = `${dateLabel(start)} ${timeLabel(start)} – ${dateLabel(end)} ${timeLabel(end)} UTC`;
  return {
    startIso: allDay ? start.toISOString().slice(0, 10) : start.toISOString(),
    endIso: allDay ? end.toISOString().slice(0, 10) : end.toISOString(),
    label,
    day: pad(start.getUTCDate()),
    month: MONTHS[start.getUTCMonth()]!.slice(0, 3),
    year: start.getUTCFullYear(),
    allDay,
    recurring: occurrence.recurring,
  };
}

/** A listed event with its date written out. */
export function presentListed(event: ListedEvent) {
  return { ...event, whenView: presentWhen(event.when) };
}

const compact = (date: Date, allDay: boolean) =>
  allDay
    ? date.toISOString().slice(0, 10).replaceAll("-", "")
    : date
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");

/** Google Calendar's "add event" link (all-day ends exclusive, as there). */
export function googleCalendarLink(event: { title: string; venue: { name: string; address: string } | null }, occurrence: Occurrence | null, pageUrl: string): string | null {
  if (!occurrence) return null;
  const end = occurrence.allDay ? new Date(occurrence.end.getTime() + DAY_MS) : occurrence.end;
  const query = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${compact(occurrence.start, occurrence.allDay)}/${compact(end, occurrence.allDay)}`,
    details: pageUrl,
    ...(event.venue ? { location: event.venue.address || event.venue.name } : {}),
  });
  return `https://calendar.google.com/calendar/render?${query.toString()}`;
}

/** An OpenStreetMap search for the venue, when it has an address. */
export function mapLink(venue: { name: string; address: string } | null): string | null {
  if (!venue || venue.address.trim() === "") return null;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(venue.address)}`;
}
