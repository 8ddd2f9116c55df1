// Subscriptions, new in this rewrite (legacy linked only to the Google calendar's own
// feeds): `/events/<cal>/calendar.ics` (every event, RRULE for recurring rules, VALARM,
// stable UIDs, REFRESH-INTERVAL), one `.ics` per event, and RSS/Atom of upcoming events.
import type { Hono } from "hono";
import { feedResponse, type FeedFormat } from "../../../core/feeds/feed.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { presentWhen } from "../presenters.ts";
import { icsResponse } from "../ical.ts";
import type { EventsService } from "../service.ts";
import { idParam, slugParam } from "./params.ts";
import { AppError } from "../../../core/errors.ts";

const FEED_SIZE = 20;

export function registerEventFeeds(app: Hono<AppEnv>, events: EventsService, siteUrl: string): void {
  const absolute = (path: string) => new URL(path, siteUrl).toString();

  app.get("/events/:calendar/calendar.ics", async (c) => {
    const calendar = await events.getCalendar({ slug: slugParam(c.req.param("calendar")) });
    const list = await events.listCalendarEvents({ calendarId: calendar.id });
    c.header("Surrogate-Key", `events events-calendar-${calendar.slug}`);
    return icsResponse(c, { name: calendar.name, description: calendar.description || undefined, url: absolute(`/events/${calendar.slug}/`), events: list, siteUrl });
  });

  app.get("/events/:calendar/:id{[0-9]+}/event.ics", async (c) => {
    const calendar = await events.getCalendar({ slug: slugParam(c.req.param("calendar")) });
    const event = await events.getEvent({ id: idParam(c.req.param("id")) });
    if (event.calendarId !== calendar.id) throw new AppError("NOT_FOUND", "There is no such event.");
    c.header("Surrogate-Key", `events event-${event.id}`);
    return icsResponse(c, { name: event.title, url: absolute(event.url), events: [event], siteUrl, filename: `event-${event.id}.ics` });
  });

  const serve = (format: FeedFormat) =>
    app.get(`/events/:calendar/feed.${format}`, async (c) => {
      const calendar = await events.getCalendar({ slug: slugParam(c.req.param("calendar")) });
      const list = await events.listFeedEvents({ calendarId: calendar.id, limit: FEED_SIZE });
      c.header("Surrogate-Key", `events events-calendar-${calendar.slug}`);
      const rss = absolute(`/events/${calendar.slug}/feed.rss`);
      const atom = absolute(`/events/${calendar.slug}/feed.atom`);
      return feedResponse(
        c,
        format,
        {
          title: calendar.name,
          description: calendar.description || `Upcoming events of ${calendar.name}`,
          link: absolute(`/events/${calendar.slug}/`),
          selfUrl: format === "rss" ? rss : atom,
          atomUrl: atom,
        },
        list.map((event) => ({
          title: event.title,
          link: absolute(event.url),
          id: absolute(event.url),
          description: [presentWhen(event.when)?.label, event.venue?.name, event.descriptionHtml].filter(Boolean).join("<br>"),
          date: event.updated,
        })),
      );
    });
  serve("rss");
  serve("atom");
}
