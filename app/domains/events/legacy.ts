// Legacy migrator for the events_* tables (python/pythondotorg:apps/events/models.py).
// Ids are kept (event pages are /events/<cal>/<id>/). NULL text columns become "";
// URLs that are not http(s) are dropped (hostile rows); calendars with a reserved slug
// (`submit`, `calendars`) cannot be addressed and are skipped with what hangs off them;
// descriptions keep their stored rendered HTML (sanitised on output); a recurring rule's
// duration comes from its parsed `duration_internal`; rules with a frequency dateutil
// does not have are skipped.
import { clearMissingAuthors, clearMissingReferences, CONTENT_MANAGEABLE_COLUMNS, contentManageableFields } from "../../core/legacy/content-manageable.ts";
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, Migrator } from "../../core/legacy/types.ts";
import { isHttpUrl } from "../../core/http/url-schema.ts";
import { isMarkupType } from "../../core/markup/render.ts";
import { RESERVED_CALENDAR_SLUGS } from "./schemas.ts";

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

function url(value: unknown, ctx: BatchContext, column: string): string {
  if (typeof value !== "string" || value.trim() === "") return "";
  if (isHttpUrl(value.trim())) return value.trim().slice(0, 200);
  ctx.tally.note(`${column} is not an http(s) URL → ""`);
  return "";
}

/** Keeps the rows whose `column` points at a migrated row of `table`; counts the others as skipped. */
async function withParent(ctx: BatchContext, rows: TargetRow[], column: string, table: string, reason: string): Promise<TargetRow[]> {
  const found = await existingIds(
    ctx.target,
    table,
    rows.map((row) => row[column] as number),
  );
  const kept = rows.filter((row) => found.has(row[column] as number));
  if (kept.length < rows.length) ctx.tally.skip(reason, rows.length - kept.length);
  return kept;
}

async function syncUnique(ctx: BatchContext, table: string, column: string, columns: string[], rows: TargetRow[]): Promise<void> {
  const taken = await takenByOthers(ctx.target, { table, columns: [column], key: "id" }, rows);
  if (taken.size > 0) ctx.tally.skip(`${column} already used by another row of ${table} on the new site`, taken.size);
  await syncRows(
    ctx,
    { table, key: ["id"], columns },
    rows.filter((row) => !taken.has(row)),
  );
}

const CALENDAR_COLUMNS = ["name", "slug", "description", "url", "rss", "embed", "twitter", ...CONTENT_MANAGEABLE_COLUMNS];

async function writeCalendars(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const reserved = rows.filter((row) => (RESERVED_CALENDAR_SLUGS as readonly string[]).includes(String(row.slug).toLowerCase()));
  if (reserved.length > 0) ctx.tally.skip("slug is a reserved /events/ path word", reserved.length);
  const calendars: TargetRow[] = rows
    .filter((row) => !reserved.includes(row))
    .map((row) => ({
      id: row.id,
      name: text(row.name, 100),
      slug: row.slug,
      description: text(row.description, 255),
      url: url(row.url, ctx, "url"),
      rss: url(row.rss, ctx, "rss"),
      embed: url(row.embed, ctx, "embed"),
      twitter: url(row.twitter, ctx, "twitter"),
      ...contentManageableFields(row),
    }));
  await clearMissingAuthors(ctx, calendars);
  await syncUnique(ctx, "event_calendars", "slug", CALENDAR_COLUMNS, calendars);
}

async function writeCategories(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const categories: TargetRow[] = rows.map((row) => ({ id: row.id, name: text(row.name, 200), slug: row.slug, calendar_id: row.calendar_id }));
  await clearMissingReferences(ctx, categories, { columns: ["calendar_id"], table: "event_calendars", label: "calendar" });
  await syncUnique(ctx, "event_categories", "slug", ["name", "slug", "calendar_id"], categories);
}

async function writeLocations(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const locations: TargetRow[] = rows.map((row) => ({
    id: row.id,
    name: text(row.name, 255),
    address: text(row.address, 255),
    url: url(row.url, ctx, "url"),
    calendar_id: row.calendar_id,
  }));
  await clearMissingReferences(ctx, locations, { columns: ["calendar_id"], table: "event_calendars", label: "calendar" });
  await syncRows(ctx, { table: "event_locations", key: ["id"], columns: ["name", "address", "url", "calendar_id"] }, locations);
}

const EVENT_COLUMNS = ["uid", "title", "calendar_id", "description", "description_markup_type", "description_rendered", "venue_id", "featured", ...CONTENT_MANAGEABLE_COLUMNS];

async function writeEvents(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const events: TargetRow[] = rows.map((row) => {
    const markupType = String(row.description_markup_type);
    if (!isMarkupType(markupType)) ctx.tally.note("unknown markup type → plain");
    return {
      id: row.id,
      uid: typeof row.uid === "string" && row.uid.trim() !== "" ? row.uid.slice(0, 200) : null,
      title: text(row.title, 200),
      calendar_id: row.calendar_id,
      description: text(row.description, 1_000_000),
      description_markup_type: isMarkupType(markupType) ? markupType : "plain",
      description_rendered: text(row._description_rendered, 2_000_000),
      venue_id: row.venue_id,
      featured: Boolean(row.featured),
      ...contentManageableFields(row),
    };
  });
  const kept = await withParent(ctx, events, "calendar_id", "event_calendars", "its calendar was not migrated");
  await clearMissingReferences(ctx, kept, { columns: ["venue_id"], table: "event_locations", label: "location" });
  await clearMissingAuthors(ctx, kept);
  await syncRows(ctx, { table: "events", key: ["id"], columns: EVENT_COLUMNS }, kept);
}

async function writeCategoryLinks(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const links: TargetRow[] = rows.map((row) => ({ event_id: row.event_id, category_id: row.eventcategory_id }));
  const withEvent = await withParent(ctx, links, "event_id", "events", "its event was not migrated");
  const kept = await withParent(ctx, withEvent, "category_id", "event_categories", "its category was not migrated");
  await syncRows(ctx, { table: "event_category_links", key: ["event_id", "category_id"], columns: [] }, kept);
}

async function writeOccurringRules(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const rules: TargetRow[] = rows.map((row) => ({ id: row.id, event_id: row.event_id, dt_start: row.dt_start, dt_end: row.dt_end, all_day: Boolean(row.all_day) }));
  const kept = await withParent(ctx, rules, "event_id", "events", "its event was not migrated");
  await syncRows(ctx, { table: "event_occurring_rules", key: ["id"], columns: ["event_id", "dt_start", "dt_end", "all_day"] }, kept);
}

const RECURRING_COLUMNS = ["event_id", "begin", "finish", "duration", "duration_seconds", "interval", "frequency", "all_day"];

async function writeRecurringRules(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const valid = rows.filter((row) => Number(row.frequency) >= 0 && Number(row.frequency) <= 3);
  if (valid.length < rows.length) ctx.tally.skip("frequency is not yearly, monthly, weekly or daily", rows.length - valid.length);
  const rules: TargetRow[] = valid.map((row) => ({
    id: row.id,
    event_id: row.event_id,
    begin: row.begin,
    finish: row.finish,
    duration: text(row.duration, 50),
    duration_seconds: Math.max(0, Math.min(2_147_483_647, Number(row.duration_seconds) || 0)),
    interval: Math.max(1, Number(row.interval) || 1),
    frequency: Number(row.frequency),
    all_day: Boolean(row.all_day),
  }));
  const kept = await withParent(ctx, rules, "event_id", "events", "its event was not migrated");
  await syncRows(ctx, { table: "event_recurring_rules", key: ["id"], columns: RECURRING_COLUMNS }, kept);
}

async function writeAlarms(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const alarms: TargetRow[] = rows.map((row) => ({ id: row.id, event_id: row.event_id, trigger: row.trigger, ...contentManageableFields(row) }));
  const kept = await withParent(ctx, alarms, "event_id", "events", "its event was not migrated");
  await clearMissingAuthors(ctx, kept);
  await syncRows(ctx, { table: "event_alarms", key: ["id"], columns: ["event_id", "trigger", ...CONTENT_MANAGEABLE_COLUMNS] }, kept);
}

/** Calendars, categories, locations, events with their category links, rules and alarms, after users. */
export const eventsLegacyMigrator: Migrator = {
  name: "events",
  dependsOn: ["users"],
  steps: [
    { table: "events_calendar", target: "event_calendars", query: `SELECT c.id AS key, c.* FROM events_calendar AS c`, sequences: ["event_calendars"], write: writeCalendars },
    {
      table: "events_eventcategory",
      target: "event_categories",
      query: `SELECT c.id AS key, c.* FROM events_eventcategory AS c`,
      sequences: ["event_categories"],
      write: writeCategories,
    },
    {
      table: "events_eventlocation",
      target: "event_locations",
      query: `SELECT l.id AS key, l.* FROM events_eventlocation AS l`,
      sequences: ["event_locations"],
      write: writeLocations,
    },
    { table: "events_event", target: "events", query: `SELECT e.id AS key, e.* FROM events_event AS e`, sequences: ["events"], write: writeEvents },
    {
      table: "events_event_categories",
      target: "event_category_links",
      query: `SELECT l.id AS key, l.event_id, l.eventcategory_id FROM events_event_categories AS l`,
      write: writeCategoryLinks,
    },
    {
      table: "events_occurringrule",
      target: "event_occurring_rules",
      query: `SELECT r.id AS key, r.* FROM events_occurringrule AS r`,
      sequences: ["event_occurring_rules"],
      write: writeOccurringRules,
    },
    {
      table: "events_recurringrule",
      target: "event_recurring_rules",
      query: `SELECT r.id AS key, r.id, r.event_id, r.begin, r.finish, r.duration, r.interval, r.frequency, r.all_day,
                extract(epoch FROM r.duration_internal)::bigint AS duration_seconds
              FROM events_recurringrule AS r`,
      sequences: ["event_recurring_rules"],
      write: writeRecurringRules,
    },
    { table: "events_alarm", target: "event_alarms", query: `SELECT a.id AS key, a.* FROM events_alarm AS a`, sequences: ["event_alarms"], write: writeAlarms },
  ],
};
