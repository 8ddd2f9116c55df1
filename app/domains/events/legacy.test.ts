// The events migrator on the shared legacy sample: every table counted, ids kept,
// idempotent, hostile rows neutralised, and the migrated sample served by the pages.
import { expect, it } from "vitest";
import { migrateLegacy, stepReport } from "../../testing/legacy-sample.ts";
import { describeWithLegacySample, useLegacyBed } from "../../testing/legacy-bed.ts";

const STEPS = [
  "events_calendar",
  "events_eventcategory",
  "events_eventlocation",
  "events_event",
  "events_event_categories",
  "events_occurringrule",
  "events_recurringrule",
  "events_alarm",
];

describeWithLegacySample("events legacy migrator", () => {
  const bed = useLegacyBed();

  it("carries every calendar, category, location, event, link, rule and alarm, and a second run writes nothing", async () => {
    await bed.legacy.query(`INSERT INTO events_calendar (created, updated, url, rss, embed, twitter, name, slug, description)
      VALUES (now(), now(), 'javascript:alert(1)', NULL, NULL, NULL, 'Hostile <b>cal</b>', 'hostile-cal', NULL)`);
    await bed.legacy.query(`INSERT INTO events_event (created, updated, uid, title, description, description_markup_type, _description_rendered, featured, calendar_id)
      SELECT now(), now(), NULL, '<script>alert(1)</script>', 'x', 'html', '<img src=x onerror=alert(1)>hi', false, id FROM events_calendar WHERE slug = 'hostile-cal'`);
    await bed.legacy.query(`INSERT INTO events_occurringrule (dt_start, dt_end, all_day, event_id)
      SELECT now() + interval '1 day', now() + interval '2 days', false, id FROM events_event WHERE title = '<script>alert(1)</script>'`);
    const counts = Object.fromEntries(
      await Promise.all(STEPS.map(async (table) => [table, Number((await bed.legacy.query(`SELECT count(*) FROM ${table}`)).rows[0].count)] as const)),
    );

    const report = await migrateLegacy(bed.legacy, bed.ctx.databaseUrl, { only: ["users", "events"] });
    for (const step of STEPS) {
      const counted = stepReport(report, step);
      const skipped = Object.values(counted.skipped).reduce((sum, n) => sum + n, 0);
      expect(counted.read, step).toBe(counts[step]);
      expect(counted.inserted + skipped, step).toBe(counts[step]);
    }
    expect((await bed.target.query(`SELECT count(*)::int AS n FROM events`)).rows[0].n).toBe(stepReport(report, "events_event").inserted);

    const columns = `id, title, calendar_id, description, description_markup_type, featured, venue_id`;
    expect((await bed.target.query(`SELECT ${columns} FROM events ORDER BY id`)).rows).toEqual((await bed.legacy.query(`SELECT ${columns} FROM events_event ORDER BY id`)).rows);
    const rules = `id, event_id, begin::text, finish::text, interval, frequency, all_day`;
    expect((await bed.target.query(`SELECT ${rules} FROM event_recurring_rules ORDER BY id`)).rows).toEqual(
      (await bed.legacy.query(`SELECT ${rules} FROM events_recurringrule WHERE frequency BETWEEN 0 AND 3 ORDER BY id`)).rows,
    );
    expect((await bed.target.query(`SELECT url FROM event_calendars WHERE slug = 'hostile-cal'`)).rows).toEqual([{ url: "" }]);

    const again = await migrateLegacy(bed.legacy, bed.ctx.databaseUrl, { only: ["events"] });
    for (const step of STEPS) expect(stepReport(again, step), step).toMatchObject({ inserted: 0, updated: 0 });
  });

  it("serves the migrated sample: lists, every event page, feeds, hostile rows escaped", async () => {
    const calendars = await bed.target.query<{ slug: string }>(`SELECT slug FROM event_calendars ORDER BY id`);
    expect((await bed.ctx.app.request("/events/")).status).toBe(200);
    for (const { slug } of calendars.rows) {
      for (const path of [
        `/events/${slug}/`,
        `/events/${slug}/past/`,
        `/events/${slug}/categories/`,
        `/events/${slug}/locations/`,
        `/events/${slug}/calendar.ics`,
        `/events/${slug}/feed.rss`,
      ]) {
        expect((await bed.ctx.app.request(path)).status, path).toBe(200);
      }
    }
    const events = await bed.target.query<{ id: number; slug: string }>(`SELECT e.id, c.slug FROM events AS e JOIN event_calendars AS c ON c.id = e.calendar_id ORDER BY e.id`);
    for (const event of events.rows) {
      const response = await bed.ctx.app.request(`/events/${event.slug}/${event.id}/`);
      expect(response.status, `event ${event.id}`).toBe(200);
      const html = await response.text();
      expect(html).not.toContain("<script>alert(1)</script>");
      expect(html).not.toMatch(/onerror=/i);
    }
    const hostile = await bed.ctx.app.request("/events/hostile-cal/");
    const html = await hostile.text();
    expect(html).toContain("Hostile &lt;b&gt;cal&lt;/b&gt;");
    expect(html).not.toContain("javascript:alert");
  });
});
