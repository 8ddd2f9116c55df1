// RSS 2.0 and Atom documents from a list of items (the `feed` package escapes XML),
// served with conditional GET. Every feed of the site goes through here.
import type { Context } from "hono";
import { Feed } from "feed";
import { conditionalResponse } from "./conditional.ts";

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URL of this feed (rel=self). */
  selfUrl: string;
  /** Absolute URL of the Atom twin, when one exists. */
  atomUrl?: string;
  language?: string;
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the item. */
  link: string;
  /** Plain-text or already-sanitised HTML summary. */
  description: string;
  date: Date;
  /** Stable identifier; defaults to the link. */
  id?: string;
  author?: string;
}

export type FeedFormat = "rss" | "atom";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** The newest item date, or the Unix epoch for an empty feed (stable across requests). */
export function lastUpdated(items: FeedItem[]): Date {
  return items.reduce((newest, item) => (item.date > newest ? item.date : newest), new Date(0));
}

/** Builds the feed document in the given format. */
export function buildFeed(format: FeedFormat, channel: FeedChannel, items: FeedItem[]): string {
  const feed = new Feed({
    id: channel.selfUrl,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: channel.language ?? "en-us",
    updated: lastUpdated(items),
    generator: "python.org",
    copyright: "Copyright Python Software Foundation",
    feedLinks: { rss: format === "rss" ? channel.selfUrl : undefined, atom: channel.atomUrl ?? (format === "atom" ? channel.selfUrl : undefined) },
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: item.id ?? item.link,
      guid: item.id ?? item.link,
      link: item.link,
      description: item.description,
      date: item.date,
      author: item.author ? [{ name: item.author }] : undefined,
    });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}

/** Responds with the feed, honouring If-None-Match / If-Modified-Since. */
export function feedResponse(c: Context, format: FeedFormat, channel: FeedChannel, items: FeedItem[]): Response {
  return conditionalResponse(c, {
    body: buildFeed(format, channel, items),
    contentType: CONTENT_TYPES[format],
    lastModified: items.length > 0 ? lastUpdated(items) : undefined,
  });
}
