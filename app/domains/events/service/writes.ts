// Writes of the events domain: calendars, categories, locations, events with their rules,
// categories and alarms in one transaction; every write drops the cached pages (tag
// `events`) and queues the search update and, for reStructuredText, the render job.
import type { z } from "zod";
import type { Cache } from "../../../core/cache/types.ts";
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { fieldErrors } from "../../../core/http/validate.ts";
import type { JobQueue } from "../../../core/jobs/types.ts";
import { RENDER_RST_TASK, renderJobOptions } from "../../../core/markup/jobs.ts";
import { renderMarkup } from "../../../core/markup/render.ts";
import { enqueueIndexing } from "../../../core/search/jobs.ts";
import { calendarSelect, categorySelect, eventSelect, locationSelect, toEventView, type CalendarView, type CategoryView, type EventView, type LocationView } from "../queries.ts";
import { parseDuration } from "../recurrence.ts";
import {
  CalendarInputSchema,
  CategoryInputSchema,
  EventInputSchema,
  LocationInputSchema,
  type CalendarInput,
  type CategoryInput,
  type EventData,
  type EventInput,
  type LocationInput,
} from "../schemas.ts";

/** Cache tag of every events page and read; any events write invalidates it. */
export const EVENTS_CACHE_TAG = "events";
export const EVENT_DESCRIPTION_TARGET = "events.event.description";
export const EVENT_SEARCH_TYPE = "event";
export const CALENDAR_SEARCH_TYPE = "calendar";

export interface WriteDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
}

/** Parses `input` or throws VALIDATION with messages per field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "Some fields are not valid.", { fields: fieldErrors(result.error) });
  return result.data;
}

/** The columns of an event's rules, categories and alarms, written after the event row. */
export async function writeEventChildren(tx: Prisma.TransactionClient, eventId: number, data: Pick<EventData, "categoryIds" | "occurringRule" | "recurringRules">): Promise<void> {
  await tx.eventCategoryLink.deleteMany({ where: { eventId } });
  if (data.categoryIds.length > 0) await tx.eventCategoryLink.createMany({ data: [...new Set(data.categoryIds)].map((categoryId) => ({ eventId, categoryId })) });
  await tx.eventOccurringRule.deleteMany({ where: { eventId } });
  if (data.occurringRule) await tx.eventOccurringRule.create({ data: { eventId, ...data.occurringRule } });
  await tx.eventRecurringRule.deleteMany({ where: { eventId } });
  if (data.recurringRules.length > 0) {
    await tx.eventRecurringRule.createMany({ data: data.recurringRules.map((rule) => ({ eventId, ...rule, durationSeconds: parseDuration(rule.duration) ?? 900 })) });
  }
}

export function createEventWrites(deps: WriteDeps) {
  const { db, cache, jobs } = deps;

  async function write<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await db.$transaction(work);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags([EVENTS_CACHE_TAG]);
    return result;
  }

  async function queueEventEffects(tx: Prisma.TransactionClient, eventId: number, data: Pick<EventData, "descriptionMarkupType">): Promise<void> {
    if (data.descriptionMarkupType === "restructuredtext") {
      await jobs.addWith(tx, RENDER_RST_TASK, { target: EVENT_DESCRIPTION_TARGET, id: String(eventId) }, renderJobOptions(EVENT_DESCRIPTION_TARGET, eventId));
    }
    await enqueueIndexing(jobs, { type: EVENT_SEARCH_TYPE, id: eventId }, tx);
  }

  /** Creates (no id) or updates a calendar; slugs are unique and `submit`/`calendars` are reserved. */
  async function saveCalendar(options: { id?: number; input: CalendarInput; actorId?: number | null; onWrite?: WriteHook<CalendarView> }): Promise<CalendarView> {
    const data = parseInput(CalendarInputSchema, options.input);
    return write(async (tx) => {
      const before = options.id === undefined ? null : await tx.eventCalendar.findUnique({ where: { id: options.id }, select: calendarSelect });
      if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no calendar ${options.id}.`);
      const clash = await tx.eventCalendar.findFirst({ where: { slug: data.slug, ...(before ? { id: { not: before.id } } : {}) }, select: { id: true } });
      if (clash) throw new AppError("VALIDATION", "Some fields are not valid.", { fields: { slug: ["A calendar with this slug already exists."] } });
      const after = before
        ? await tx.eventCalendar.update({ where: { id: before.id }, data: { ...data, ...modifiedBy(options.actorId ?? null) }, select: calendarSelect })
        : await tx.eventCalendar.create({ data: { ...data, ...createdBy(options.actorId ?? null) }, select: calendarSelect });
      await enqueueIndexing(jobs, { type: CALENDAR_SEARCH_TYPE, id: after.id }, tx);
      await options.onWrite?.(tx, { before, after });
      return after;
    });
  }

  /** Deletes a calendar with its events, categories and locations. */
  async function deleteCalendar(options: { id: number; onWrite?: WriteHook<CalendarView> }): Promise<void> {
    await write(async (tx) => {
      const before = await tx.eventCalendar.findUnique({ where: { id: options.id }, select: calendarSelect });
      if (!before) throw new AppError("NOT_FOUND", `There is no calendar ${options.id}.`);
      await tx.eventCalendar.delete({ where: { id: options.id } });
      await enqueueIndexing(jobs, { type: CALENDAR_SEARCH_TYPE, id: options.id }, tx);
      await options.onWrite?.(tx, { before, after: null });
    });
  }

  /** Creates or updates a category (slugs are unique site-wide, as legacy's). */
  async function saveCategory(options: { id?: number; input: CategoryInput; onWrite?: WriteHook<CategoryView> }): Promise<CategoryView> {
    const data = parseInput(CategoryInputSchema, options.input);
    return write(async (tx) => {
      const before = options.id === undefined ? null : await tx.eventCategory.findUnique({ where: { id: options.id }, select: categorySelect });
      if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no category ${options.id}.`);
      const clash = await tx.eventCategory.findFirst({ where: { slug: data.slug, ...(before ? { id: { not: before.id } } : {}) }, select: { id: true } });
      if (clash) throw new AppError("VALIDATION", "Some fields are not valid.", { fields: { slug: ["A category with this slug already exists."] } });
      const after = before
        ? await tx.eventCategory.update({ where: { id: before.id }, data, select: categorySelect })
        : await tx.eventCategory.create({ data, select: categorySelect });
      await options.onWrite?.(tx, { before, after });
      return after;
    });
  }

  /** Creates or updates a venue. */
  async function saveLocation(options: { id?: number; input: LocationInput; onWrite?: WriteHook<LocationView> }): Promise<LocationView> {
    const data = parseInput(LocationInputSchema, options.input);
    return write(async (tx) => {
      const before = options.id === undefined ? null : await tx.eventLocation.findUnique({ where: { id: options.id }, select: locationSelect });
      if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no location ${options.id}.`);
      const after = before
        ? await tx.eventLocation.update({ where: { id: before.id }, data, select: locationSelect })
        : await tx.eventLocation.create({ data, select: locationSelect });
      await options.onWrite?.(tx, { before, after });
      return after;
    });
  }

  async function checkReferences(tx: Prisma.TransactionClient, data: EventData): Promise<void> {
    const fields: Record<string, string[]> = {};
    if (!(await tx.eventCalendar.findUnique({ where: { id: data.calendarId }, select: { id: true } }))) fields.calendarId = ["Select a valid choice."];
    if (data.venueId !== null && !(await tx.eventLocation.findUnique({ where: { id: data.venueId }, select: { id: true } }))) fields.venueId = ["Select a valid choice."];
    if (data.categoryIds.length > 0) {
      const found = await tx.eventCategory.count({ where: { id: { in: data.categoryIds } } });
      if (found !== new Set(data.categoryIds).size) fields.categoryIds = ["Select a valid choice."];
    }
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Some fields are not valid.", { fields });
  }

  /** Creates or updates an event with its occurring rule, recurring rules, categories and alarms (replaced as given). */
  async function saveEvent(options: { id?: number; input: EventInput; actorId?: number | null; onWrite?: WriteHook<EventView> }): Promise<EventView> {
    const data = parseInput(EventInputSchema, options.input);
    const rendered = renderMarkup(data.description, data.descriptionMarkupType);
    return write(async (tx) => {
      const beforeRow = options.id === undefined ? null : await tx.event.findUnique({ where: { id: options.id }, select: eventSelect });
      if (options.id !== undefined && !beforeRow) throw new AppError("NOT_FOUND", `There is no event ${options.id}.`);
      await checkReferences(tx, data);
      const row = {
        title: data.title,
        calendarId: data.calendarId,
        uid: data.uid,
        description: data.description,
        descriptionMarkupType: data.descriptionMarkupType,
        descriptionRendered: rendered.rendered ? rendered.html : "",
        venueId: data.venueId,
        featured: data.featured,
      };
      const saved = beforeRow
        ? await tx.event.update({ where: { id: beforeRow.id }, data: { ...row, ...modifiedBy(options.actorId ?? null) }, select: { id: true } })
        : await tx.event.create({ data: { ...row, ...createdBy(options.actorId ?? null) }, select: { id: true } });
      await writeEventChildren(tx, saved.id, data);
      await tx.eventAlarm.deleteMany({ where: { eventId: saved.id } });
      for (const alarm of data.alarms) await tx.eventAlarm.create({ data: { eventId: saved.id, trigger: alarm.trigger, ...createdBy(options.actorId ?? null) } });
      await queueEventEffects(tx, saved.id, data);
      const after = toEventView(await tx.event.findUniqueOrThrow({ where: { id: saved.id }, select: eventSelect }));
      await options.onWrite?.(tx, { before: beforeRow ? toEventView(beforeRow) : null, after });
      return after;
    });
  }

  /** Deletes an event (rules, alarms and category links go with it). */
  async function deleteEvent(options: { id: number; onWrite?: WriteHook<EventView> }): Promise<void> {
    await write(async (tx) => {
      const before = await tx.event.findUnique({ where: { id: options.id }, select: eventSelect });
      if (!before) throw new AppError("NOT_FOUND", `There is no event ${options.id}.`);
      await tx.event.delete({ where: { id: options.id } });
      await enqueueIndexing(jobs, { type: EVENT_SEARCH_TYPE, id: options.id }, tx);
      await options.onWrite?.(tx, { before: toEventView(before), after: null });
    });
  }

  /** Marks the given events featured or not; returns how many changed. */
  async function setEventsFeatured(options: { ids: number[]; featured: boolean; onWrite?: WriteHook<EventView> }): Promise<number> {
    return write(async (tx) => {
      const before = await tx.event.findMany({ where: { id: { in: options.ids }, featured: !options.featured }, select: eventSelect });
      await tx.event.updateMany({ where: { id: { in: before.map((row) => row.id) } }, data: { featured: options.featured } });
      for (const row of before) {
        const view = toEventView(row);
        await options.onWrite?.(tx, { before: view, after: { ...view, featured: options.featured } });
      }
      return before.length;
    });
  }

  /** Stores docutils' HTML for a reStructuredText description. */
  async function saveRenderedDescription(options: { id: number; html: string }): Promise<void> {
    await db.event.updateMany({ where: { id: options.id }, data: { descriptionRendered: options.html } });
    await cache.invalidateTags([EVENTS_CACHE_TAG]);
  }

  return { write, saveCalendar, deleteCalendar, saveCategory, saveLocation, saveEvent, deleteEvent, setEventsFeatured, saveRenderedDescription };
}
