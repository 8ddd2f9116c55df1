// Demo content for a new machine (legacy management command create_test_events): the
// python.org calendars, a few categories and venues, and events around today — a
// conference next month, a sprint, a weekly user-group meetup, one that just ended.
// Idempotent: calendars are keyed by slug, events by their demo UID.
import type { Clock } from "../../core/clock/clock.ts";
import type { EventsService } from "./service.ts";

const DAY = 86_400_000;

export const DEMO_CALENDARS = [
  { name: "Python Events Calendar", slug: "python-events", description: "Conferences, sprints and other events about Python." },
  { name: "Python User Group Events", slug: "python-user-group", description: "Meetings of Python user groups around the world." },
];

function day(base: Date, offsetDays: number, hour = 0): Date {
  const date = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()) + offsetDays * DAY);
  return new Date(date.getTime() + hour * 3_600_000);
}

/** Adds the demo calendars and events that are missing; returns how many were added. */
export async function seedEventsDemo(events: EventsService, clock: Clock): Promise<{ calendars: number; events: number }> {
  const existing = await events.listCalendars();
  let calendars = 0;
  const ids: Record<string, number> = {};
  for (const calendar of DEMO_CALENDARS) {
    const found = existing.find((candidate) => candidate.slug === calendar.slug);
    if (found) ids[calendar.slug] = found.id;
    else {
      ids[calendar.slug] = (await events.saveCalendar({ input: calendar })).id;
      calendars += 1;
    }
  }
  const python = ids["python-events"]!;
  const groups = ids["python-user-group"]!;
  const present = new Set((await events.loadEvents({ uid: { startsWith: "demo-" } })).map((event) => event.uid));
  if (present.size > 0) return { calendars, events: 0 };

  const today = clock.now();
  const conference = await events.saveCategory({ input: { name: "Conference", slug: "demo-conference", calendarId: python } });
  const sprint = await events.saveCategory({ input: { name: "Sprint", slug: "demo-sprint", calendarId: python } });
  const meetupCategory = await events.saveCategory({ input: { name: "User group meeting", slug: "demo-user-group-meeting", calendarId: groups } });
  const lisbon = await events.saveLocation({
    input: {
      name: "Lisbon Congress Centre",
      address: "Praça das Indústrias 1, Lisbon, Portugal",
      url: "https://www.openstreetmap.org/search?query=Lisbon%20Congress%20Centre",
      calendarId: python,
    },
  });
  const online = await events.saveLocation({ input: { name: "Online", calendarId: python } });
  const cafe = await events.saveLocation({ input: { name: "Café Central, Amsterdam", address: "Damrak 1, Amsterdam", calendarId: groups } });
  const demo = [
    {
      uid: "demo-pycon",
      title: "PyCon Portugal",
      calendarId: python,
      featured: true,
      venueId: lisbon.id,
      categoryIds: [conference.id],
      description: "Three days of talks, tutorials and sprints for the Portuguese-speaking Python community.",
      occurringRule: { dtStart: day(today, 30), dtEnd: day(today, 32), allDay: true },
    },
    {
      uid: "demo-docs-sprint",
      title: "CPython Documentation Sprint",
      calendarId: python,
      venueId: online.id,
      categoryIds: [sprint.id],
      description: "Improve the Python tutorial and library reference together.",
      occurringRule: { dtStart: day(today, 9, 15), dtEnd: day(today, 9, 19), allDay: false },
    },
    {
      uid: "demo-packaging-summit",
      title: "Packaging Summit",
      calendarId: python,
      venueId: online.id,
      description: "A look back at the state of Python packaging.",
      occurringRule: { dtStart: day(today, -3, 14), dtEnd: day(today, -3, 17), allDay: false },
    },
    {
      uid: "demo-pug-amsterdam",
      title: "Amsterdam Python Meetup",
      calendarId: groups,
      venueId: cafe.id,
      categoryIds: [meetupCategory.id],
      description: "Monthly talks and drinks; newcomers welcome.",
      recurringRules: [{ begin: day(today, -60, 18), finish: day(today, 365, 18), duration: "2 hours", interval: 4, frequency: 2 }],
    },
  ];
  for (const event of demo) await events.saveEvent({ input: { descriptionMarkupType: "plain", ...event } });
  return { calendars, events: demo.length };
}
