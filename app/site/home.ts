// The home page (legacy templates/python/index.html): boxes now, and the latest news,
// upcoming events, featured success story and code samples as those domains land.
// Each source returns an empty list (or null) until its domain provides it; the
// template hides empty sections.
import { Hono } from "hono";
import type { BoxesService } from "../domains/boxes/index.ts";
import { cacheable } from "../core/http/cacheable.ts";
import type { AppEnv } from "../core/http/env.ts";

export const HOME_BOX_LABELS = [
  "homepage-introduction",
  "homepage-get-started",
  "homepage-downloads",
  "homepage-documentation",
  "homepage-jobs",
  "widget-use-python-for",
  "widget-about-psf",
] as const;

export interface NewsItem {
  title: string;
  url: string;
  date: Date;
}
export interface EventItem {
  title: string;
  url: string;
  start: Date;
}
export interface StoryItem {
  name: string;
  url: string;
  author: string;
  quote: string;
}
export interface CodeSampleItem {
  codeHtml: string;
  copyHtml: string;
}

/** Content the home page draws from other domains; each domain issue supplies its part. */
export interface HomeSources {
  latestNews(limit: number): Promise<NewsItem[]>;
  upcomingEvents(limit: number): Promise<EventItem[]>;
  featuredStory(): Promise<StoryItem | null>;
  codeSamples(limit: number): Promise<CodeSampleItem[]>;
}

export const NO_HOME_SOURCES: HomeSources = {
  latestNews: async () => [],
  upcomingEvents: async () => [],
  featuredStory: async () => null,
  codeSamples: async () => [],
};

/** `/` and `/shell/` (legacy python/shell.html: the same page with the console on top). */
export function homeRoutes(deps: { boxes: BoxesService; sources: HomeSources }) {
  const app = new Hono<AppEnv>();
  const load = async () => {
    const [boxes, news, events, story, samples] = await Promise.all([
      deps.boxes.getBoxesHtml({ labels: [...HOME_BOX_LABELS] }),
      deps.sources.latestNews(5),
      deps.sources.upcomingEvents(5),
      deps.sources.featuredStory(),
      deps.sources.codeSamples(5),
    ]);
    return { boxes, news, events, story, samples };
  };
  // Built only from cached reads (boxes, and each source's own), whose tags it is stored under.
  app.get("/", cacheable({ tags: [] }), async (c) => c.render("home/index.njk", { ...(await load()), body_class: "python home" }));
  app.get("/shell/", cacheable({ tags: [] }), async (c) =>
    c.render("site/shell.njk", { ...(await load()), title: "Interactive Python console", body_class: "python home shell-active" }),
  );
  return app;
}
