// The public events pages at legacy parity (urls.md §6): statuses, pagination with
// out-of-range pages as 404, escaping, cache invalidation on save, the query count of
// /events/, the feeds (parsed with ical.js), and the submission round trip.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createTestUser, formPost, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createEventsFixture, EVENTS_NOW } from "../../testing/factories/events.ts";
import { lastMessageTo } from "../../testing/mail.ts";
import { createEventsService } from "./service.ts";

const ctx = useTestContext({ clock: { now: () => EVENTS_NOW } });
const get = (path: string, cookie?: string) => ctx.app.request(path, cookie ? { headers: { cookie } } : undefined);

describe("events pages", () => {
  it("answers every §6 list URL, with 404 for unknown calendars, categories, venues and dates", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    for (const path of [
      "/events/",
      "/events/calendars/",
      "/events/python-events/",
      "/events/python-events/past/",
      "/events/python-events/date/2026/07/01/",
      "/events/python-events/categories/",
      "/events/python-events/categories/conference/",
      "/events/python-events/locations/",
      `/events/python-events/locations/${fx.locations.berlin}/`,
      `/events/python-events/${fx.events.pycon}/`,
      "/events/submit/thanks/",
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
    for (const path of [
      "/events/nope/",
      "/events/nope/past/",
      "/events/python-events/categories/nope/",
      "/events/python-events/locations/999999/",
      "/events/python-user-group/categories/conference/",
      "/events/python-events/date/2026/02/31/",
      "/events/python-events/999999/",
      `/events/python-user-group/${fx.events.pycon}/`,
      "/events/python-events/?page=2",
      "/events/python-events/?page=abc",
      "/events/python-events/categories/?page=2",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get("/events/python-events/?page=last")).status).toBe(200);
  });

  it("pages calendar lists by 6, soonest first", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    for (let index = 1; index <= 6; index += 1) {
      await ctx.services.events.saveEvent({
        input: {
          title: `Extra ${index}`,
          calendarId: fx.calendars.python,
          occurringRule: { dtStart: new Date(`2026-08-${String(index).padStart(2, "0")}T10:00:00Z`), dtEnd: new Date(`2026-08-${String(index).padStart(2, "0")}T11:00:00Z`) },
        },
      });
    }
    const first = await (await get("/events/python-events/")).text();
    expect(first).toContain("Weekly Python Meetup");
    expect(first).toContain("Page 1 of 2");
    expect(first).not.toContain("Extra 4");
    const second = await (await get("/events/python-events/?page=2")).text();
    expect(second).toContain("Extra 4");
    expect(second).toContain("Extra 6");
    expect((await get("/events/python-events/?page=3")).status).toBe(404);
  });

  it("renders the landing, a calendar and an event page with their legacy parts", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    const home = await (await get("/events/")).text();
    expect(home).toMatch(/Happening now[\s\S]*Core Sprint Live[\s\S]*Upcoming Events[\s\S]*Weekly Python Meetup[\s\S]*You just missed/);
    const list = await (await get("/events/python-events/")).text();
    expect(list).toContain("Featured event");
    expect(list).toContain('href="/events/python-events/categories/conference/"');
    expect(list).toContain('href="/events/python-events/calendar.ics"');
    const detail = await (await get(`/events/python-events/${fx.events.pycon}/`)).text();
    expect(detail).toContain("10 July 2026 – 12 July 2026");
    expect(detail).toContain("Berlin Congress Center");
    expect(detail).toContain("https://www.openstreetmap.org/search?query=Alexanderstr.%2011%2C%20Berlin");
    expect(detail).toContain(`href="/events/python-events/${fx.events.pycon}/event.ics"`);
    expect(detail).toContain("calendar.google.com/calendar/render?action=TEMPLATE");
    expect(detail).toContain('href="/events/python-events/date/2026/07/17/"');
    expect(detail).toContain("<em>PyCon Berlin</em>");
  });

  it("escapes hostile titles and strips scripts from descriptions", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    const saved = await ctx.services.events.saveEvent({
      input: {
        title: "<script>alert(1)</script>",
        calendarId: fx.calendars.python,
        description: '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>',
        descriptionMarkupType: "html",
        occurringRule: { dtStart: new Date("2026-06-16T10:00:00Z"), dtEnd: new Date("2026-06-16T11:00:00Z") },
      },
    });
    const html = await (await get(`/events/python-events/${saved.id}/`)).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:alert");
  });

  it("shows a save at once on cached pages", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    expect(await (await get("/events/python-events/")).text()).not.toContain("Brand New Sprint");
    await ctx.services.events.saveEvent({
      input: { title: "Brand New Sprint", calendarId: fx.calendars.python, occurringRule: { dtStart: new Date("2026-06-16T10:00:00Z"), dtEnd: new Date("2026-06-16T11:00:00Z") } },
    });
    expect(await (await get("/events/python-events/")).text()).toContain("Brand New Sprint");
    expect(await (await get("/events/")).text()).toContain("Brand New Sprint");
  });

  it("builds /events/ in the same number of queries however many events there are", async () => {
    let queries = 0;
    const counted = ctx.deps.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as typeof ctx.deps.db;
    const service = createEventsService({ ...ctx.deps, db: counted, eventsEmail: "events@python.org" });
    const fx = await createEventsFixture(ctx.services.events);
    await service.getEventsHome();
    const few = queries;
    for (let index = 0; index < 12; index += 1) {
      await ctx.services.events.saveEvent({
        input: {
          title: `More ${index}`,
          calendarId: fx.calendars.groups,
          venueId: null,
          recurringRules: [{ begin: new Date("2026-01-01T10:00:00Z"), finish: new Date("2026-12-31T10:00:00Z"), duration: "1 hour", frequency: 3 }],
          alarms: [{ trigger: 1 }],
        },
      });
    }
    queries = 0;
    await service.getEventsHome();
    expect(queries).toBe(few);
    expect(few).toBeLessThanOrEqual(16);
  });
});

describe("events feeds", () => {
  it("serves a calendar .ics that parses, with UID, DTSTART, SUMMARY on every VEVENT, RRULE and VALARM", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    const response = await get("/events/python-events/calendar.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(6);
    for (const vevent of vevents) {
      for (const property of ["uid", "dtstart", "summary"]) expect(vevent.getFirstPropertyValue(property), property).toBeTruthy();
    }
    const meetup = vevents.find((vevent) => vevent.getFirstPropertyValue("summary") === "Weekly Python Meetup")!;
    expect(meetup.getFirstPropertyValue("uid")).toBe(`event-${fx.events.meetup}@python.org`);
    const rule = meetup.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.interval).toBe(1);
    const pycon = vevents.find((vevent) => vevent.getFirstPropertyValue("summary") === "PyCon Berlin")!;
    expect(String(pycon.getFirstPropertyValue("dtstart"))).toBe("2026-07-10");
    // Legacy stores the last day; iCalendar's all-day DTEND is exclusive.
    expect(String(pycon.getFirstPropertyValue("dtend"))).toBe("2026-07-13");
    expect(pycon.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString()).toBe("-P1D");
    // The recurring rule round-trips: the feed's RRULE expands to the occurrences the pages list.
    const iterator = rule.iterator(meetup.getFirstPropertyValue("dtstart") as ICAL.Time);
    let next = iterator.next();
    while (next && next.toJSDate() <= EVENTS_NOW) next = iterator.next();
    expect(next?.toJSDate().toISOString()).toBe("2026-06-17T18:00:00.000Z");
  });

  it("serves one event's .ics as a download, and 404 for another calendar's event", async () => {
    const fx = await createEventsFixture(ctx.services.events);
    const response = await get(`/events/python-events/${fx.events.sprint}/event.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`event-${fx.events.sprint}.ics`);
    const vevents = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents("vevent");
    expect(vevents.map((vevent) => vevent.getFirstPropertyValue("summary"))).toEqual(["Documentation Sprint"]);
    expect((await get(`/events/python-user-group/${fx.events.sprint}/event.ics`)).status).toBe(404);
  });

  it("serves RSS and Atom of a calendar's upcoming events", async () => {
    await createEventsFixture(ctx.services.events);
    const rss = await get("/events/python-events/feed.rss");
    expect(rss.status).toBe(200);
    const text = await rss.text();
    expect(text).toContain("<title>Python Events</title>");
    expect(text.indexOf("Weekly Python Meetup")).toBeLessThan(text.indexOf("PyCon Berlin"));
    expect(text).not.toContain("Packaging Talk");
    expect((await get("/events/python-events/feed.atom")).headers.get("content-type")).toContain("atom");
    expect((await get("/events/nope/feed.rss")).status).toBe(404);
  });
});

describe("event submission", () => {
  const form = {
    event_name: "PyData Porto",
    event_type: "conference",
    python_focus: "Data",
    expected_attendees: "200",
    location: "Porto",
    date_from: "2026-09-10",
    date_to: "2026-09-11",
    recurrence: "None",
    link: "https://example.org/pydata",
    description: "Two days of data talks.",
  };

  it("sends anonymous visitors to the login page", async () => {
    const response = await get("/events/submit/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/accounts/login/?next=/events/submit/");
  });

  it("re-renders an invalid form with 422 and mails a valid one, then shows the thanks page", async () => {
    const user = await createTestUser(ctx, { username: "pydata", email: "pydata@example.org" });
    const cookie = await signIn(ctx, user.id);
    expect((await get("/events/submit/", cookie)).status).toBe(200);
    const invalid = await ctx.app.request("/events/submit/", formPost(ctx, { ...form, link: "not a url", event_name: "" }, { cookie }));
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain("This field is required.");
    expect(html).toContain('value="not a url"');
    const valid = await ctx.app.request("/events/submit/", formPost(ctx, form, { cookie }));
    expect(valid.status).toBe(302);
    expect(valid.headers.get("location")).toBe("/events/submit/thanks/");
    const mail = await lastMessageTo(ctx.deps.db, "events@python.org");
    expect(mail?.subject).toBe('New event submission: "PyData Porto"');
    expect(await ctx.deps.db.eventSubmission.count()).toBe(1);
  });
});
