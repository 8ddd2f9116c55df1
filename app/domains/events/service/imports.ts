// The iCalendar import of a calendar's `url` (legacy apps/events/importer.py ICSImporter,
// management command import_ics_calendars). Kept from legacy: upsert by UID, a missing
// DTEND is DTSTART (legacy #2021), an event a day or longer is all-day with its last day
// stored (DTEND minus one day), descriptions sanitised. Added: RRULE/EXDATE kept as a
// recurring rule, RECURRENCE-ID exceptions as their own events (cancelled ones only
// excluded), events that vanished from the source removed, unchanged events untouched,
// the outcome (time, error, counts) stored on the calendar, and one import of a calendar
// at a time (a transaction-scoped advisory lock).
import ICAL from "ical.js";
import type { Clock } from "../../../core/clock/clock.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import { AppError } from "../../../core/errors.ts";
import { renderMarkup } from "../../../core/markup/render.ts";
import { enqueueIndexing } from "../../../core/search/jobs.ts";
import type { JobQueue } from "../../../core/jobs/types.ts";
import { FREQUENCIES } from "../recurrence.ts";
import { EVENT_SEARCH_TYPE, writeEventChildren, type createEventWrites } from "./writes.ts";
import type { EventData } from "../schemas.ts";

const DAY_MS = 86_400_000;
/** An endless RRULE is followed this far (legacy rules always have a finish). */
const ENDLESS_YEARS = 10;
const FETCH_TIMEOUT_MS = 30_000;
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** Advisory-lock namespace of calendar imports. */
const IMPORT_LOCK = 4_201_204;

export interface ImportResult {
  calendarId: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
}

interface ParsedEvent {
  uid: string;
  title: string;
  descriptionHtml: string;
  location: string;
  occurringRule: EventData["occurringRule"];
  recurringRules: EventData["recurringRules"];
}

const toDate = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000);
const HTML_TAG = /<\/?[a-z][^>]*>/i;

function textOf(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value.trim() : value ? String(value).trim() : "";
}

function descriptionHtml(raw: string): string {
  // Google sends plain text or HTML; either way only the sanitiser's allowlist survives.
  return renderMarkup(raw, HTML_TAG.test(raw) ? "html" : "plain").html;
}

function timesOf(component: ICAL.Component): { start: Date; end: Date; allDay: boolean } | null {
  const start = component.getFirstPropertyValue("dtstart");
  if (!(start instanceof ICAL.Time)) return null;
  const endValue = component.getFirstPropertyValue("dtend");
  const duration = component.getFirstPropertyValue("duration");
  let end = endValue instanceof ICAL.Time ? toDate(endValue) : toDate(start);
  if (!(endValue instanceof ICAL.Time) && duration instanceof ICAL.Duration) end = new Date(toDate(start).getTime() + duration.toSeconds() * 1000);
  const begin = toDate(start);
  if (end < begin) end = begin;
  return { start: begin, end, allDay: start.isDate || end.getTime() - begin.getTime() >= DAY_MS };
}

function recurringRule(component: ICAL.Component, times: { start: Date; end: Date; allDay: boolean }, exdates: Date[]): EventData["recurringRules"][number] | null {
  const recur = component.getFirstPropertyValue("rrule");
  if (!(recur instanceof ICAL.Recur)) return null;
  const durationSeconds = Math.round((times.end.getTime() - times.start.getTime()) / 1000);
  let finish: Date;
  if (recur.until) finish = toDate(recur.until);
  else {
    const cap = new Date(times.start.getTime() + ENDLESS_YEARS * 365 * DAY_MS);
    finish = cap;
    if (recur.count) {
      const iterator = recur.iterator(ICAL.Time.fromJSDate(times.start, true));
      let last = times.start;
      for (let next = iterator.next(); next; next = iterator.next()) {
        const at = next.toJSDate();
        if (at > cap) break;
        last = at;
      }
      finish = last;
    }
  }
  const frequency = Math.max(0, (FREQUENCIES as readonly string[]).indexOf(recur.freq));
  return {
    begin: times.start,
    finish,
    duration: `${Math.round(durationSeconds / 60)} min`,
    interval: Math.max(1, recur.interval || 1),
    frequency: frequency === -1 ? 3 : frequency,
    allDay: times.allDay,
    rrule: recur.toString().slice(0, 500),
    exdates,
  };
}

/** Parses an iCalendar text into events keyed by UID; throws VALIDATION when it is not iCalendar. */
export function parseCalendarText(text: string): { events: ParsedEvent[]; skipped: number } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new AppError("VALIDATION", `The source is not an iCalendar file: ${(error as Error).message}`.slice(0, 500));
  }
  if (root.name !== "vcalendar") throw new AppError("VALIDATION", "The source is not an iCalendar file.");
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const components = root.getAllSubcomponents("vevent");
  const exceptions = new Map<string, Date[]>();
  for (const component of components) {
    const recurrenceId = component.getFirstPropertyValue("recurrence-id");
    if (recurrenceId instanceof ICAL.Time) exceptions.set(textOf(component, "uid"), [...(exceptions.get(textOf(component, "uid")) ?? []), toDate(recurrenceId)]);
  }
  const events: ParsedEvent[] = [];
  let skipped = 0;
  for (const component of components) {
    const uid = textOf(component, "uid").slice(0, 180);
    const title = textOf(component, "summary").slice(0, 200);
    const times = timesOf(component);
    const recurrenceId = component.getFirstPropertyValue("recurrence-id");
    const cancelled = textOf(component, "status").toUpperCase() === "CANCELLED";
    if (!uid || !title || !times || cancelled) {
      if (!cancelled) skipped += 1;
      continue;
    }
    const exdates = [
      ...component.getAllProperties("exdate").flatMap((property) =>
        property
          .getValues()
          .filter((value): value is ICAL.Time => value instanceof ICAL.Time)
          .map(toDate),
      ),
      ...(exceptions.get(uid) ?? []),
    ];
    const isException = recurrenceId instanceof ICAL.Time;
    const rule = isException ? null : recurringRule(component, times, exdates);
    events.push({
      uid: isException ? `${uid}/${toDate(recurrenceId).toISOString()}`.slice(0, 200) : uid,
      title,
      descriptionHtml: descriptionHtml(textOf(component, "description")),
      location: textOf(component, "location").slice(0, 255),
      occurringRule: rule
        ? null
        : { dtStart: times.start, dtEnd: times.allDay ? new Date(Math.max(times.start.getTime(), times.end.getTime() - DAY_MS)) : times.end, allDay: times.allDay },
      recurringRules: rule ? [rule] : [],
    });
  }
  return { events, skipped };
}

type Existing = Prisma.EventGetPayload<{ select: typeof existingSelect }>;
const existingSelect = {
  id: true,
  uid: true,
  title: true,
  description: true,
  venue: { select: { name: true } },
  occurringRule: { select: { dtStart: true, dtEnd: true, allDay: true } },
  recurringRules: {
    select: { begin: true, finish: true, durationSeconds: true, interval: true, frequency: true, allDay: true, rrule: true, exdates: true },
    orderBy: { id: "asc" },
  },
} as const satisfies Prisma.EventSelect;

function fingerprint(event: { title: string; description: string; location: string; occurringRule: unknown; recurringRules: unknown[] }): string {
  return JSON.stringify([event.title, event.description, event.location, event.occurringRule, event.recurringRules]);
}

function existingFingerprint(row: Existing): string {
  return fingerprint({
    title: row.title,
    description: row.description,
    location: row.venue?.name ?? "",
    occurringRule: row.occurringRule,
    recurringRules: row.recurringRules,
  });
}

function parsedFingerprint(event: ParsedEvent): string {
  return fingerprint({
    title: event.title,
    description: event.descriptionHtml,
    location: event.location,
    occurringRule: event.occurringRule,
    recurringRules: event.recurringRules.map((rule) => ({
      begin: rule.begin,
      finish: rule.finish,
      durationSeconds: Math.round(Number(rule.duration.split(" ")[0]) * 60),
      interval: rule.interval,
      frequency: rule.frequency,
      allDay: rule.allDay,
      rrule: rule.rrule,
      exdates: rule.exdates,
    })),
  });
}

async function fetchSource(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  if (!response.ok) throw new AppError("VALIDATION", `The calendar source answered ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_SOURCE_BYTES) throw new AppError("VALIDATION", "The calendar source is too large.");
  return text;
}

/** Categories staff gave an imported event survive its re-import. */
async function categoryIdsOf(tx: Prisma.TransactionClient, eventId: number): Promise<number[]> {
  return (await tx.eventCategoryLink.findMany({ where: { eventId }, select: { categoryId: true } })).map((link) => link.categoryId);
}

export function createEventImports(deps: { db: Db; clock: Clock; jobs: JobQueue; fetchText?: (url: string) => Promise<string>; writes: ReturnType<typeof createEventWrites> }) {
  const { db, clock } = deps;

  async function venueId(tx: Prisma.TransactionClient, calendarId: number, name: string, venues: Map<string, number>): Promise<number | null> {
    if (!name) return null;
    const known = venues.get(name);
    if (known) return known;
    const created = await tx.eventLocation.create({ data: { name, calendarId }, select: { id: true } });
    venues.set(name, created.id);
    return created.id;
  }

  async function applyEvents(tx: Prisma.TransactionClient, calendarId: number, parsed: ParsedEvent[], result: ImportResult): Promise<void> {
    const locked = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK}::int, ${calendarId}::int) AS locked`;
    if (!locked[0]?.locked) throw new AppError("CONFLICT", "This calendar is being imported already.");
    const existing = await tx.event.findMany({ where: { calendarId, uid: { not: null } }, select: existingSelect });
    const byUid = new Map(existing.map((row) => [row.uid!, row]));
    const venues = new Map((await tx.eventLocation.findMany({ where: { calendarId }, select: { id: true, name: true } })).map((venue) => [venue.name, venue.id]));
    const seen = new Set<string>();
    for (const event of parsed) {
      if (seen.has(event.uid)) continue;
      seen.add(event.uid);
      const before = byUid.get(event.uid);
      if (before && existingFingerprint(before) === parsedFingerprint(event)) {
        result.unchanged += 1;
        continue;
      }
      const row = {
        title: event.title,
        description: event.descriptionHtml,
        descriptionMarkupType: "html",
        descriptionRendered: event.descriptionHtml,
        venueId: await venueId(tx, calendarId, event.location, venues),
      };
      const saved = before
        ? await tx.event.update({ where: { id: before.id }, data: row, select: { id: true } })
        : await tx.event.create({ data: { ...row, calendarId, uid: event.uid }, select: { id: true } });
      await writeEventChildren(tx, saved.id, {
        categoryIds: before ? await categoryIdsOf(tx, saved.id) : [],
        occurringRule: event.occurringRule,
        recurringRules: event.recurringRules,
      });
      await enqueueIndexing(deps.jobs, { type: EVENT_SEARCH_TYPE, id: saved.id }, tx);
      if (before) result.updated += 1;
      else result.created += 1;
    }
    const gone = existing.filter((row) => !seen.has(row.uid!));
    if (gone.length > 0) {
      await tx.event.deleteMany({ where: { id: { in: gone.map((row) => row.id) } } });
      for (const row of gone) await enqueueIndexing(deps.jobs, { type: EVENT_SEARCH_TYPE, id: row.id }, tx);
    }
    result.removed = gone.length;
  }

  /**
   * Imports a calendar from `text` (or fetches `source`, default the calendar's url).
   * A source that cannot be read or parsed changes no event: the error is stored on the
   * calendar and thrown as VALIDATION.
   */
  async function importCalendar(options: { calendarId: number; text?: string; source?: string }): Promise<ImportResult> {
    const calendar = await db.eventCalendar.findUnique({ where: { id: options.calendarId }, select: { id: true, url: true } });
    if (!calendar) throw new AppError("NOT_FOUND", `There is no calendar ${options.calendarId}.`);
    const result: ImportResult = { calendarId: calendar.id, created: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 };
    try {
      const source = options.source ?? calendar.url;
      if (options.text === undefined && !source) throw new AppError("VALIDATION", "The calendar has no iCal URL.");
      const text = options.text ?? (await (deps.fetchText ?? fetchSource)(source));
      const parsed = parseCalendarText(text);
      result.skipped = parsed.skipped;
      await deps.writes.write((tx) => applyEvents(tx, calendar.id, parsed.events, result));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.eventCalendar.update({ where: { id: calendar.id }, data: { lastImportAt: clock.now(), lastImportError: message.slice(0, 2000) } });
      if (error instanceof AppError) throw error;
      throw new AppError("VALIDATION", `The import failed: ${message}`.slice(0, 500));
    }
    const now = clock.now();
    await db.eventCalendar.update({
      where: { id: calendar.id },
      data: {
        lastImportAt: now,
        lastImportOkAt: now,
        lastImportError: "",
        lastImportCreated: result.created,
        lastImportUpdated: result.updated,
        lastImportRemoved: result.removed,
      },
    });
    return result;
  }

  /** Ids of the calendars that have an iCal URL (the ones the cron job imports). */
  async function listImportableCalendars(): Promise<Array<{ id: number; slug: string }>> {
    return db.eventCalendar.findMany({ where: { url: { not: "" } }, select: { id: true, slug: true }, orderBy: { id: "asc" } });
  }

  return { importCalendar, listImportableCalendars };
}
