// The events service on a real database: lists ordered by next occurrence with recurring
// rules expanded, legacy landing sections, detail context, validation and submissions.
import { describe, expect, it } from "vitest";
import { createEventsFixture, EVENTS_NOW } from "../../testing/factories/events.ts";
import { useTestContext } from "../../testing/deps.ts";
import { lastMessageTo } from "../../testing/mail.ts";
import { createTestUser } from "../../testing/factories/users.ts";

let now = EVENTS_NOW;
const ctx = useTestContext({ clock: { now: () => now } });
const events = () => ctx.services.events;

describe("events service: reads", () => {
  it("lists a calendar's upcoming events by next occurrence, the weekly rule expanded, featured first found", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    const page = await events().getCalendarPage({ slug: "python-events", view: { kind: "upcoming" }, page: 1 });
    expect(page.page.items.map((event) => [event.title, event.when?.start.toISOString()])).toEqual([
      ["Weekly Python Meetup", "2026-06-17T18:00:00.000Z"],
      ["Documentation Sprint", "2026-06-20T18:00:00.000Z"],
      ["PyCon Berlin", "2026-07-10T00:00:00.000Z"],
    ]);
    expect(page.featured?.id).toBe(fx.events.pycon);
    expect(page.recent.map((event) => event.title)).toEqual(["Weekly Python Meetup", "Packaging Talk"]);
    expect(page.categories.map((category) => category.slug)).toEqual(["conference", "sprint"]);

    const past = await events().getCalendarPage({ slug: "python-events", view: { kind: "past" }, page: 1 });
    expect(past.page.items.map((event) => event.title)).toEqual(["Weekly Python Meetup", "Packaging Talk", "EuroPython Spring"]);

    const byDate = await events().getCalendarPage({ slug: "python-events", view: { kind: "date", date: new Date("2026-07-01T00:00:00Z") }, page: 1 });
    expect(byDate.page.items.map((event) => [event.title, event.when?.start.toISOString().slice(0, 10)])).toEqual([
      ["Weekly Python Meetup", "2026-07-01"],
      ["PyCon Berlin", "2026-07-10"],
    ]);
    const byCategory = await events().getCalendarPage({ slug: "python-events", view: { kind: "category", slug: "conference" }, page: 1 });
    expect(byCategory.page.items.map((event) => event.title)).toEqual(["PyCon Berlin"]);
    const byVenue = await events().getCalendarPage({ slug: "python-events", view: { kind: "location", id: fx.locations.online }, page: 1 });
    expect(byVenue.page.items.map((event) => event.title)).toEqual(["Weekly Python Meetup", "Documentation Sprint"]);
  });

  it("answers NOT_FOUND for unknown calendars, categories, venues, out-of-range pages and events of another calendar", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    await expect(events().getCalendarPage({ slug: "nope", view: { kind: "upcoming" }, page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(events().getCalendarPage({ slug: "python-events", view: { kind: "category", slug: "nope" }, page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(events().getCalendarPage({ slug: "python-user-group", view: { kind: "location", id: fx.locations.berlin }, page: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(events().getCalendarPage({ slug: "python-events", view: { kind: "upcoming" }, page: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await events().getCalendarPage({ slug: "python-events", view: { kind: "upcoming" }, page: "last" })).page.number).toBe(1);
    await expect(events().getEventPage({ slug: "python-events", id: fx.events.otherCalendar })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("builds the landing's happening now, upcoming and just missed (legacy EventHomepage)", async () => {
    now = EVENTS_NOW;
    await createEventsFixture(events());
    const home = await events().getEventsHome();
    expect(home.now.map((event) => event.title)).toEqual(["Core Sprint Live"]);
    expect(home.upcoming.map((event) => event.title)).toEqual(["Weekly Python Meetup", "Documentation Sprint", "PUG Amsterdam", "PyCon Berlin"]);
    expect(home.justMissed.map((event) => event.title)).toEqual(["Weekly Python Meetup", "Packaging Talk"]);
  });

  it("gives the detail page its windows, neighbours and related events", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    const page = await events().getEventPage({ slug: "python-events", id: fx.events.sprint });
    expect(page.when?.start.toISOString()).toBe("2026-06-20T18:00:00.000Z");
    expect(page.windows.map((window) => window.path)).toEqual([
      "/events/python-events/date/2026/06/27/",
      "/events/python-events/date/2026/07/20/",
      "/events/python-events/date/2026/09/18/",
      "/events/python-events/date/2027/06/20/",
    ]);
    expect(page.nextEvent?.title).toBe("Weekly Python Meetup");
    expect(page.previousEvent?.title).toBe("Weekly Python Meetup");
    expect(page.atVenue.map((event) => event.title)).toEqual(["Weekly Python Meetup"]);
    expect(page.inCategory).toEqual([]);
    const meetup = await events().getEventPage({ slug: "python-events", id: fx.events.meetup });
    expect(meetup.upcoming.map((occurrence) => occurrence.start.toISOString().slice(0, 10))).toEqual(["2026-06-17", "2026-06-24", "2026-07-01", "2026-07-08", "2026-07-15"]);
  });

  it("moves an event from upcoming to past as time passes", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    now = new Date("2026-07-13T00:00:00Z");
    const upcoming = await events().getCalendarPage({ slug: "python-events", view: { kind: "upcoming" }, page: 1 });
    expect(upcoming.page.items.map((event) => event.id)).toEqual([fx.events.meetup]);
    now = EVENTS_NOW;
  });
});

describe("events service: writes", () => {
  it("refuses reserved and duplicate slugs, bad URLs, reversed rules and unknown references", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    await expect(events().saveCalendar({ input: { name: "x", slug: "submit" } })).rejects.toMatchObject({ code: "VALIDATION", fields: { slug: ["This slug is reserved."] } });
    await expect(events().saveCalendar({ input: { name: "x", slug: "python-events" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(events().saveCalendar({ input: { name: "x", slug: "x", url: "javascript:alert(1)" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      events().saveEvent({ input: { title: "Backwards", calendarId: fx.calendars.python, occurringRule: { dtStart: new Date("2026-07-02"), dtEnd: new Date("2026-07-01") } } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(events().saveEvent({ input: { title: "Nowhere", calendarId: fx.calendars.python, venueId: 999_999 } })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { venueId: expect.any(Array) },
    });
    await expect(events().saveEvent({ id: 999_999, input: { title: "Gone", calendarId: fx.calendars.python } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sanitises descriptions and replaces rules, categories and alarms on save", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    const saved = await events().saveEvent({
      id: fx.events.pycon,
      input: {
        title: "PyCon Berlin",
        calendarId: fx.calendars.python,
        description: '<p onclick="x()">Hi<script>alert(1)</script></p>',
        descriptionMarkupType: "html",
        alarms: [{ trigger: 2 }, { trigger: 48 }],
      },
    });
    expect(saved.descriptionHtml).toBe("<p>Hi</p>");
    expect(saved.categories).toEqual([]);
    expect(saved.occurringRule).toBeNull();
    expect(saved.alarms.map((alarm) => alarm.trigger)).toEqual([2, 48]);
  });
});

describe("events service: submissions", () => {
  const form = {
    event_name: "PyCon Lisbon",
    event_type: "conference",
    python_focus: "Web development",
    expected_attendees: "300+",
    location: "Lisbon, Portugal",
    date_from: "2026-10-01",
    date_to: "2026-10-03",
    recurrence: "None",
    link: "https://example.org/pycon-lisbon",
    description: "Three days of talks.",
  };

  it("stores the submission and mails the legacy message to the events address, replying to the submitter", async () => {
    const user = await createTestUser(ctx, { username: "organiser", email: "organiser@example.org" });
    const submission = await events().submitEvent({ user: { id: user.id, username: "organiser", email: "organiser@example.org" }, input: form });
    expect(submission).toMatchObject({ status: "pending", eventName: "PyCon Lisbon", userId: user.id });
    const mail = await lastMessageTo(ctx.deps.db, "events@python.org");
    expect(mail?.subject).toBe('New event submission: "PyCon Lisbon"');
    expect(mail?.replyTo).toBe("organiser@example.org");
    expect(mail?.textBody).toContain("Approximate Number of Attendees: 300+");
    expect(mail?.textBody).toContain("Date/Time: 2026-10-01 - 2026-10-03");
  });

  it("rejects invalid forms, the honeypot and more than five an hour", async () => {
    const user = await createTestUser(ctx, { username: "busy", email: "busy@example.org" });
    const who = { id: user.id, username: "busy", email: "busy@example.org" };
    await expect(events().submitEvent({ user: who, input: { ...form, link: "ftp://x", date_to: "2026-09-01" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { link: expect.any(Array), date_to: expect.any(Array) },
    });
    await expect(events().submitEvent({ user: who, input: { ...form, website: "http://spam" } })).rejects.toMatchObject({ code: "VALIDATION" });
    for (let index = 0; index < 5; index += 1) await events().submitEvent({ user: who, input: form });
    await expect(events().submitEvent({ user: who, input: form })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("publishes an approved submission as an all-day event and tells the submitter", async () => {
    now = EVENTS_NOW;
    const fx = await createEventsFixture(events());
    const user = await createTestUser(ctx, { username: "approved", email: "approved@example.org" });
    const submission = await events().submitEvent({ user: { id: user.id, username: "approved", email: "approved@example.org" }, input: form });
    expect(await events().approveSubmissions({ ids: [submission.id], calendarId: fx.calendars.python })).toBe(1);
    const stored = await events().getSubmission({ id: submission.id });
    expect(stored.status).toBe("approved");
    const event = await events().getEvent({ id: stored.eventId! });
    expect(event).toMatchObject({ title: "PyCon Lisbon", occurringRule: { allDay: true }, venue: { name: "Lisbon, Portugal" } });
    expect((await lastMessageTo(ctx.deps.db, "approved@example.org"))?.textBody).toContain(`/events/python-events/${event.id}/`);
    expect(await events().approveSubmissions({ ids: [submission.id], calendarId: fx.calendars.python })).toBe(0);
  });
});
