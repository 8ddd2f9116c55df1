// `/downloads/feed.rss` (legacy ReleaseFeed, RSS 2.0 "Python Releases", the ten newest
// published releases, pre-releases included) and its Atom twin `/downloads/feed.atom`.
import type { Hono } from "hono";
import { feedResponse, type FeedChannel, type FeedFormat } from "../../../core/feeds/feed.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { pythonDateTime } from "../presenters.ts";
import type { DownloadsService } from "../service.ts";

export function registerFeeds(app: Hono<AppEnv>, prefix: string, downloads: DownloadsService, siteUrl: string): void {
  const absolute = (path: string) => new URL(path, siteUrl).toString();
  const channel: FeedChannel = {
    title: "Python Releases",
    description: "Latest Python releases from Python.org",
    link: absolute("/downloads/"),
    selfUrl: absolute("/downloads/feed.rss"),
    atomUrl: absolute("/downloads/feed.atom"),
  };
  const serve = (format: FeedFormat) =>
    app.get(`${prefix}/feed.${format}`, async (c) => {
      const releases = await downloads.listFeedReleases();
      c.header("Surrogate-Key", "downloads downloads-feed");
      return feedResponse(
        c,
        format,
        format === "atom" ? { ...channel, selfUrl: channel.atomUrl! } : channel,
        releases.map((release) => {
          const date = new Date(release.releaseDate);
          return { title: release.name, link: absolute(release.url), description: `Release date: ${pythonDateTime(date)}`, date };
        }),
      );
    });
  serve("rss");
  serve("atom");
}
