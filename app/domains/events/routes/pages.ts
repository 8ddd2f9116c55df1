// The HTML pages of legacy apps/events/views.py: EventHomepage, CalendarList, EventList
// (upcoming, past, by date, category and location), the category and location lists and
// EventDetail. Surrogate keys name the calendar so a CDN can purge one calendar's pages.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { BoxesService } from "../../boxes/index.ts";
import { parsePageParam } from "../pagination.ts";
import { googleCalendarLink, mapLink, presentListed, presentWhen } from "../presenters.ts";
import type { CalendarListView, CalendarPage } from "../service/reads.ts";
import type { EventsService } from "../service.ts";
import { dateParam, idParam, slugParam } from "./params.ts";

const SUBSCRIPTIONS_BOX = "events-subscriptions";

const TEMPLATES: Record<CalendarListView["kind"], string> = {
  upcoming: "events/event_list.njk",
  past: "events/event_list_past.njk",
  date: "events/event_list.njk",
  category: "events/event_list.njk",
  location: "events/event_list.njk",
};

function keys(c: Context<AppEnv>, ...extra: string[]) {
  c.header("Surrogate-Key", ["events", ...extra].join(" "));
}

function listHeading(page: CalendarPage): string {
  switch (page.view.kind) {
    case "past":
      return `Past ${page.calendar.name}`;
    case "date":
      return `${page.calendar.name} from ${page.view.date.toISOString().slice(0, 10)}`;
    case "category":
      return `${page.category!.name} — ${page.calendar.name}`;
    case "location":
      return `${page.calendar.name} at ${page.location!.name}`;
    default:
      return page.calendar.name;
  }
}

export function registerEventPages(app: Hono<AppEnv>, events: EventsService, boxes: Pick<BoxesService, "getBoxesHtml">, siteUrl: string): void {
  // Every events page shows the editors' events-subscriptions box (legacy events/base.html).
  const render = async (c: Context<AppEnv>, template: string, data: Record<string, unknown>) => {
    const box = (await boxes.getBoxesHtml({ labels: [SUBSCRIPTIONS_BOX] }))[SUBSCRIPTIONS_BOX] ?? "";
    return c.render(template, { ...data, subscriptions_box: box });
  };
  app.get("/events/", async (c) => {
    const home = await events.getEventsHome();
    keys(c);
    return render(c, "events/index.njk", {
      title: "Our Events",
      body_class: "python events",
      now: home.now.map(presentListed),
      upcoming: home.upcoming.map(presentListed),
      justMissed: home.justMissed.map(presentListed),
    });
  });

  app.get("/events/calendars/", async (c) => {
    const calendars = await events.listCalendars();
    keys(c);
    return render(c, "events/calendar_list.njk", { title: "Python Events Calendars", body_class: "python events", calendars });
  });

  const list = (path: string, view: (c: Context<AppEnv>) => CalendarListView) =>
    app.get(path, async (c) => {
      const slug = slugParam(c.req.param("calendar"));
      const page = await events.getCalendarPage({ slug, view: view(c), page: parsePageParam(c.req.query("page")) });
      keys(c, `events-calendar-${page.calendar.slug}`);
      return render(c, TEMPLATES[page.view.kind], {
        title: listHeading(page),
        heading: listHeading(page),
        body_class: "python events",
        calendar: page.calendar,
        view: page.view.kind,
        category: page.category,
        location: page.location,
        page: { ...page.page, items: page.page.items.map(presentListed) },
        featured: page.featured ? presentListed(page.featured) : null,
        recent: page.recent.map(presentListed),
        categories: page.categories,
        locations: page.locations,
        pagePath: c.req.path,
      });
    });

  list("/events/:calendar/", () => ({ kind: "upcoming" }));
  list("/events/:calendar/past/", () => ({ kind: "past" }));
  list("/events/:calendar/date/:year{[0-9]{4}}/:month{[0-9]{2}}/:day{[0-9]{2}}/", (c) => ({
    kind: "date",
    date: dateParam(c.req.param("year")!, c.req.param("month")!, c.req.param("day")!),
  }));
  list("/events/:calendar/categories/:slug/", (c) => ({ kind: "category", slug: slugParam(c.req.param("slug")) }));
  list("/events/:calendar/locations/:id{[0-9]+}/", (c) => ({ kind: "location", id: idParam(c.req.param("id")) }));

  for (const kind of ["categories", "locations"] as const) {
    app.get(`/events/:calendar/${kind}/`, async (c) => {
      const page = await events.getTaxonomyPage({ slug: slugParam(c.req.param("calendar")), kind, page: parsePageParam(c.req.query("page")) });
      keys(c, `events-calendar-${page.calendar.slug}`);
      const noun = kind === "categories" ? "Event categories" : "Event locations";
      return render(c, `events/event${kind === "categories" ? "category" : "location"}_list.njk`, {
        title: `${noun} — ${page.calendar.name}`,
        body_class: "python events",
        calendar: page.calendar,
        page: page.page,
        categories: page.categories,
        locations: page.locations,
        pagePath: c.req.path,
      });
    });
  }

  app.get("/events/:calendar/:id{[0-9]+}/", async (c) => {
    const page = await events.getEventPage({ slug: slugParam(c.req.param("calendar")), id: idParam(c.req.param("id")) });
    keys(c, `events-calendar-${page.calendar.slug}`, `event-${page.event.id}`);
    const pageUrl = new URL(page.event.url, siteUrl).toString();
    return render(c, "events/event_detail.njk", {
      title: page.event.title,
      body_class: "python default-page single-event",
      calendar: page.calendar,
      event: page.event,
      when: presentWhen(page.when),
      upcoming: page.upcoming.map(presentWhen),
      windows: page.windows,
      previousEvent: page.previousEvent ? presentListed(page.previousEvent) : null,
      nextEvent: page.nextEvent ? presentListed(page.nextEvent) : null,
      atVenue: page.atVenue.map(presentListed),
      inCategory: page.inCategory.map(presentListed),
      categories: page.categories,
      locations: page.locations,
      mapUrl: mapLink(page.event.venue),
      googleUrl: googleCalendarLink(page.event, page.when, pageUrl),
      icsUrl: `${page.event.url}event.ics`,
      canonical: pageUrl,
    });
  });
}
