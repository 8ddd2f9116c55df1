// Test data for the events domain, written through the service around a fixed "now"
// (EVENTS_NOW): two calendars, categories and venues, past, current, upcoming and
// weekly recurring events, so lists, ordering and feeds have something to order.
import type { EventsService } from "../../domains/events/index.ts";

/** The moment the fixture is built around (a Monday). */
export const EVENTS_NOW = new Date("2026-06-15T12:00:00Z");

const at = (iso: string) => new Date(iso);

export interface EventsFixture {
  calendars: { python: number; groups: number };
  categories: { conference: number; sprint: number };
  locations: { berlin: number; online: number };
  events: { pastConf: number; pastTalk: number; now: number; pycon: number; sprint: number; meetup: number; otherCalendar: number };
}

/** Creates the fixture; every id is returned for the tests. */
export async function createEventsFixture(events: EventsService): Promise<EventsFixture> {
  const python = (
    await events.saveCalendar({ input: { name: "Python Events", slug: "python-events", description: "Conferences and sprints.", rss: "https://example.org/feed.rss" } })
  ).id;
  const groups = (await events.saveCalendar({ input: { name: "Python User Group Events", slug: "python-user-group", description: "Local user groups." } })).id;
  const conference = (await events.saveCategory({ input: { name: "Conference", slug: "conference", calendarId: python } })).id;
  const sprint = (await events.saveCategory({ input: { name: "Sprint", slug: "sprint", calendarId: python } })).id;
  const berlin = (await events.saveLocation({ input: { name: "Berlin Congress Center", address: "Alexanderstr. 11, Berlin", url: "https://example.org/bcc", calendarId: python } }))
    .id;
  const online = (await events.saveLocation({ input: { name: "Online", calendarId: python } })).id;
  const event = async (title: string, extra: Record<string, unknown>) =>
    (await events.saveEvent({ input: { title, calendarId: python, description: `About *${title}*.`, descriptionMarkupType: "markdown", ...extra } })).id;
  const pastConf = await event("EuroPython Spring", {
    occurringRule: { dtStart: at("2026-05-01T00:00:00Z"), dtEnd: at("2026-05-03T00:00:00Z"), allDay: true },
    venueId: berlin,
    categoryIds: [conference],
  });
  const pastTalk = await event("Packaging Talk", { occurringRule: { dtStart: at("2026-06-01T10:00:00Z"), dtEnd: at("2026-06-01T12:00:00Z") }, venueId: online });
  const now = await event("Core Sprint Live", { occurringRule: { dtStart: at("2026-06-15T09:00:00Z"), dtEnd: at("2026-06-15T18:00:00Z") }, categoryIds: [sprint] });
  const pycon = await event("PyCon Berlin", {
    occurringRule: { dtStart: at("2026-07-10T00:00:00Z"), dtEnd: at("2026-07-12T00:00:00Z"), allDay: true },
    venueId: berlin,
    categoryIds: [conference],
    featured: true,
    alarms: [{ trigger: 24 }],
  });
  const sprintId = await event("Documentation Sprint", {
    occurringRule: { dtStart: at("2026-06-20T18:00:00Z"), dtEnd: at("2026-06-20T20:00:00Z") },
    venueId: online,
    categoryIds: [sprint],
  });
  const meetup = await event("Weekly Python Meetup", {
    recurringRules: [{ begin: at("2026-01-07T18:00:00Z"), finish: at("2026-12-30T18:00:00Z"), duration: "2 hours", interval: 1, frequency: 2 }],
    venueId: online,
  });
  const otherCalendar = (
    await events.saveEvent({ input: { title: "PUG Amsterdam", calendarId: groups, occurringRule: { dtStart: at("2026-06-25T17:00:00Z"), dtEnd: at("2026-06-25T19:00:00Z") } } })
  ).id;
  return {
    calendars: { python, groups },
    categories: { conference, sprint },
    locations: { berlin, online },
    events: { pastConf, pastTalk, now, pycon, sprint: sprintId, meetup, otherCalendar },
  };
}
