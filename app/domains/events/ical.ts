// The iCalendar documents of the events pages (ical-generator): one VEVENT per occurring
// rule and per recurring rule, stable UIDs (the imported UID, else event-<id>@python.org),
// the rule's own RRULE (imported BYDAY/COUNT) or legacy's FREQ/INTERVAL/UNTIL, EXDATEs,
// a VALARM per alarm (legacy Alarm.trigger, hours before), all-day DTEND exclusive
// (legacy stores the last day), REFRESH-INTERVAL, and DTSTAMP from the last edit so the
// document, and its ETag, only change when an event does.
import type { Context } from "hono";
import ical, { ICalAlarmType, ICalEventRepeatingFreq, type ICalEventData } from "ical-generator";
import { conditionalResponse } from "../../core/feeds/conditional.ts";
import type { EventView } from "./queries.ts";
import { FREQUENCIES } from "./recurrence.ts";

const DAY_MS = 86_400_000;
const REFRESH_MINUTES = 60;

const plain = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();

export function eventUid(event: Pick<EventView, "id" | "uid">): string {
  return event.uid && event.uid.trim() !== "" ? event.uid : `event-${event.id}@python.org`;
}

/** The VEVENTs of one event. */
export function eventEntries(event: EventView, siteUrl: string): ICalEventData[] {
  const base = {
    summary: event.title,
    description: plain(event.descriptionHtml) || undefined,
    location: event.venue ? [event.venue.name, event.venue.address].filter(Boolean).join(", ") : undefined,
    url: new URL(event.url, siteUrl).toString(),
    lastModified: event.updated,
    stamp: event.updated,
    alarms: event.alarms.map((alarm) => ({ type: ICalAlarmType.display, trigger: alarm.trigger * 3600, description: event.title })),
  };
  const entries: ICalEventData[] = [];
  if (event.occurringRule) {
    const { dtStart, dtEnd, allDay } = event.occurringRule;
    entries.push({ ...base, id: eventUid(event), start: dtStart, end: allDay ? new Date(dtEnd.getTime() + DAY_MS) : dtEnd, allDay });
  }
  for (const rule of event.recurringRules) {
    const uid = entries.length === 0 ? eventUid(event) : `event-${event.id}-rule-${rule.id}@python.org`;
    const end = rule.allDay ? new Date(rule.begin.getTime() + Math.max(DAY_MS, rule.durationSeconds * 1000)) : new Date(rule.begin.getTime() + rule.durationSeconds * 1000);
    const frequency = FREQUENCIES[rule.frequency] ?? "WEEKLY";
    entries.push({
      ...base,
      id: uid,
      start: rule.begin,
      end,
      allDay: rule.allDay,
      repeating: rule.rrule
        ? `RRULE:${rule.rrule}`
        : { freq: ICalEventRepeatingFreq[frequency], interval: Math.max(1, rule.interval), until: rule.finish, exclude: rule.exdates.length > 0 ? rule.exdates : undefined },
    });
    if (rule.rrule && rule.exdates.length > 0)
      entries[entries.length - 1]!.x = [
        [
          "EXDATE",
          rule.exdates
            .map((date) =>
              date
                .toISOString()
                .replace(/[-:]/g, "")
                .replace(/\.\d{3}/, ""),
            )
            .join(","),
        ],
      ];
  }
  return entries;
}

/** The VCALENDAR text of a list of events. */
export function buildEventsCalendar(options: { name: string; description?: string; url: string; events: EventView[]; siteUrl: string }): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    url: options.url,
    prodId: { company: "Python Software Foundation", product: "python.org events", language: "EN" },
    ttl: REFRESH_MINUTES * 60,
  });
  for (const event of options.events) for (const entry of eventEntries(event, options.siteUrl)) calendar.createEvent(entry);
  return calendar.toString();
}

/** Answers with the calendar, honouring If-None-Match / If-Modified-Since. */
export function icsResponse(c: Context, options: Parameters<typeof buildEventsCalendar>[0] & { filename?: string }): Response {
  const newest = options.events.reduce<Date | undefined>((latest, event) => (!latest || event.updated > latest ? event.updated : latest), undefined);
  const response = conditionalResponse(c, { body: buildEventsCalendar(options), contentType: "text/calendar; charset=utf-8", lastModified: newest });
  if (options.filename) response.headers.set("Content-Disposition", `attachment; filename="${options.filename}"`);
  return response;
}
