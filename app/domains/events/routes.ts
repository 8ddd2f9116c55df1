// The public events pages (legacy apps/events/urls.py), mounted at /events: the landing,
// calendars, per-calendar lists, event pages, the feeds and the submission form. Every
// GET but the form is cached for anonymous visitors under the `events` tag, which every
// events write invalidates; the lists depend on "now", so entries also expire.
import { Hono } from "hono";
import { cacheable } from "../../core/http/cacheable.ts";
import type { AppEnv } from "../../core/http/env.ts";
import type { WebSettings } from "../../core/modules/types.ts";
import type { BoxesService } from "../boxes/index.ts";
import { registerEventFeeds } from "./routes/feeds.ts";
import { registerEventPages } from "./routes/pages.ts";
import { registerSubmission } from "./routes/submit.ts";
import type { EventsService } from "./service.ts";
import { EVENTS_CACHE_TAG } from "./service/writes.ts";

/** Lists change as time passes: a cached page lives at most this long. */
export const EVENTS_PAGE_TTL_SECONDS = 300;

export function eventsRoutes(events: EventsService, boxes: Pick<BoxesService, "getBoxesHtml">, web: WebSettings) {
  const app = new Hono<AppEnv>({ strict: true });
  registerSubmission(app, events, web);
  app.use("/events/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (c.req.path.startsWith("/events/submit/")) return next();
    return cacheable({ tags: [EVENTS_CACHE_TAG], ttlSeconds: EVENTS_PAGE_TTL_SECONDS })(c, next);
  });
  registerEventFeeds(app, events, web.siteUrl);
  registerEventPages(app, events, boxes, web.siteUrl);
  return app;
}
