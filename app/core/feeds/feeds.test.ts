import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { buildFeed, feedResponse, type FeedChannel, type FeedItem } from "./feed.ts";
import { buildCalendar, calendarResponse, stableUid } from "./ical.ts";

const channel: FeedChannel = {
  title: "Python Releases",
  description: "Latest Python releases from Python.org",
  link: "https://www.python.org/downloads/",
  selfUrl: "https://www.python.org/downloads/feed.rss",
};
const items: FeedItem[] = [
  { title: "Python 3.14.0", link: "https://www.python.org/downloads/release/python-3140/", description: "Release date: 2025-10-07", date: new Date("2025-10-07T00:00:00Z") },
  { title: "Python <3.13.8> & co", link: "https://www.python.org/downloads/release/python-3138/", description: "Release date: 2025-10-07", date: new Date("2025-10-07T00:00:00Z") },
  { title: "Python 3.13.7", link: "https://www.python.org/downloads/release/python-3137/", description: "Release date: 2025-08-14", date: new Date("2025-08-14T00:00:00Z") },
];

describe("feeds", () => {
  it("builds RSS 2.0 with safely quoted titles and stable GUIDs", () => {
    const rss = buildFeed("rss", channel, items);
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain("<title>Python Releases</title>");
    // Titles travel in CDATA sections, so markup in them stays text.
    expect(rss).toContain("<title><![CDATA[Python <3.13.8> & co]]></title>");
    expect(rss).toContain("https://www.python.org/downloads/release/python-3140/");
    expect((rss.match(/<item>/g) ?? []).length).toBe(3);
    expect(buildFeed("rss", channel, items)).toBe(rss);
  });

  it("builds Atom", () => {
    const atom = buildFeed("atom", { ...channel, selfUrl: "https://www.python.org/downloads/feed.atom" }, items);
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((atom.match(/<entry>/g) ?? []).length).toBe(3);
    expect(atom).toContain("<updated>2025-10-07T00:00:00.000Z</updated>");
  });

  it("answers conditional GETs with 304", async () => {
    const app = new Hono();
    app.get("/feed.rss", (c) => feedResponse(c, "rss", channel, items));
    const first = await app.request("/feed.rss");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(first.headers.get("last-modified")).toBe("Tue, 07 Oct 2025 00:00:00 GMT");
    const etag = first.headers.get("etag")!;
    const byEtag = await app.request("/feed.rss", { headers: { "If-None-Match": etag } });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe("");
    expect((await app.request("/feed.rss", { headers: { "If-Modified-Since": "Tue, 07 Oct 2025 00:00:00 GMT" } })).status).toBe(304);
    expect((await app.request("/feed.rss", { headers: { "If-Modified-Since": "Mon, 06 Oct 2025 00:00:00 GMT" } })).status).toBe(200);
    // A stale ETag wins over a fresh date.
    expect((await app.request("/feed.rss", { headers: { "If-None-Match": '"old"', "If-Modified-Since": "Tue, 07 Oct 2025 00:00:00 GMT" } })).status).toBe(200);
  });
});

describe("iCalendar", () => {
  const document = {
    name: "Python Events",
    refreshMinutes: 60,
    entries: [
      { id: 7, title: "PyCon US", start: new Date("2027-05-12T00:00:00Z"), end: new Date("2027-05-20T00:00:00Z"), allDay: true, location: "Long Beach, CA" },
      {
        uid: "abc@google.com",
        id: 8,
        title: "Sprint",
        start: new Date("2027-01-05T17:00:00Z"),
        end: new Date("2027-01-05T19:00:00Z"),
        recurrence: { frequency: "weekly" as const, interval: 2 },
        alarmsMinutesBefore: [15],
        lastModified: new Date("2026-11-01T00:00:00Z"),
      },
    ],
  };

  it("keeps imported UIDs and gives others a stable one", () => {
    expect(stableUid({ id: 3, uid: null })).toBe("event-3@python.org");
    expect(stableUid({ id: 3, uid: "x@y" })).toBe("x@y");
  });

  it("writes a subscribable calendar with exclusive all-day ends, recurrence and alarms", () => {
    const text = buildCalendar(document);
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).not.toContain("METHOD:");
    expect(text).toContain("UID:event-7@python.org");
    expect(text).toContain("UID:abc@google.com");
    expect(text).toContain("DTSTART;VALUE=DATE:20270512");
    expect(text).toContain("DTEND;VALUE=DATE:20270521");
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2");
    expect(text).toContain("BEGIN:VALARM");
    expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H|X-PUBLISHED-TTL:PT1H/);
    expect(buildCalendar(document)).toBe(text);
  });

  it("serves text/calendar with conditional GET", async () => {
    const app = new Hono();
    app.get("/events.ics", (c) => calendarResponse(c, document));
    const first = await app.request("/events.ics");
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect((await app.request("/events.ics", { headers: { "If-None-Match": first.headers.get("etag")! } })).status).toBe(304);
  });
});
