import { describe, expect, it } from "vitest";
import { createLogger } from "../core/logging/logger.ts";
import { drainJobs } from "../core/jobs/worker.ts";
import { createJobQueue } from "../core/jobs/queue.ts";
import { enqueueIndexing, searchTasks } from "../core/search/jobs.ts";
import type { SearchSource } from "../core/search/sources.ts";
import type { SearchDocument } from "../core/search/types.ts";
import { useTestContext } from "../testing/deps.ts";

const ctx = useTestContext();

const doc = (id: number, overrides: Partial<SearchDocument> = {}): SearchDocument => ({
  id: `page-${id}`,
  type: "page",
  title: `Page ${id} about asyncio`,
  body: "Event loops, coroutines and tasks.",
  url: `/pages/${id}/`,
  ...overrides,
});

describe("/search/", () => {
  it("shows the form and a docs search link without a query", async () => {
    const response = await ctx.app.request("/search/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="q"');
    expect(html).toContain("https://docs.python.org/3/search.html");
    expect(html).not.toContain("results for");
  });

  it("returns highlighted hits with facets, a type filter and escaped content", async () => {
    await ctx.deps.search.upsert([
      doc(1, { title: "Python <script>alert(1)</script> releases", body: "All Python releases are listed here." }),
      doc(2, { id: "release-3140", type: "release", title: "Python 3.14.0", body: "The Python 3.14 release.", url: "/downloads/release/python-3140/" }),
    ]);
    const html = await (await ctx.app.request("/search/?q=python")).text();
    expect(html).toContain("2 results for “python”");
    expect(html).toContain("<mark>Python</mark>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="/search/?q=python&amp;type=release"');
    const filtered = await (await ctx.app.request("/search/?q=python&type=release")).text();
    expect(filtered).toContain("1 result for “python”");
    expect(filtered).toContain('href="/downloads/release/python-3140/"');
    expect(filtered).not.toContain('href="/pages/1/"');
  });

  it("paginates 20 results per page", async () => {
    await ctx.deps.search.upsert(Array.from({ length: 25 }, (_, index) => doc(index + 1)));
    const first = await (await ctx.app.request("/search/?q=asyncio")).text();
    expect(first).toContain("25 results for “asyncio”, page 1 of 2");
    expect(first).toContain('rel="next"');
    expect((first.match(/class="search-hit-title"/g) ?? []).length).toBe(20);
    const second = await (await ctx.app.request("/search/?q=asyncio&page=2")).text();
    expect((second.match(/class="search-hit-title"/g) ?? []).length).toBe(5);
    expect(second).toContain('rel="prev"');
  });

  it("says exactly “No results found.” when a query finds nothing", async () => {
    await ctx.deps.search.upsert([doc(1)]);
    const response = await ctx.app.request("/search/?q=zzzznothing");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/role="status">\s*No results found\.\s*<\/p>/);
    expect(html).not.toContain("No results for");
  });

  it("answers 404 for a page that is not a page, as haystack's build_page", async () => {
    await ctx.deps.search.upsert(Array.from({ length: 25 }, (_, index) => doc(index + 1)));
    for (const page of ["999", "3", "abc", "0", "-1", "", "1.5", "2e1", "0x2", "1001", "99999999999999999999"]) {
      const response = await ctx.app.request(`/search/?q=asyncio&page=${encodeURIComponent(page)}`);
      expect(response.status, page).toBe(404);
      expect(response.headers.get("content-type"), page).toMatch(/^text\/html/);
    }
    // What Python's int() accepts is a page: whitespace around it, a sign, underscores.
    for (const page of ["2", " 2 ", "+2", "02", "0_2"]) {
      const response = await ctx.app.request(`/search/?q=asyncio&page=${encodeURIComponent(page)}`);
      expect(response.status, page).toBe(200);
      expect(((await response.text()).match(/class="search-hit-title"/g) ?? []).length, page).toBe(5);
    }
    // A query that finds nothing still has its page 1, and only that.
    expect((await ctx.app.request("/search/?q=zzzznothing&page=1")).status).toBe(200);
    expect((await ctx.app.request("/search/?q=zzzznothing&page=2")).status).toBe(404);
    // So has the empty form.
    expect((await ctx.app.request("/search/?page=1")).status).toBe(200);
    expect((await ctx.app.request("/search/?page=2")).status).toBe(404);
    expect((await ctx.app.request("/search/?page=abc")).status).toBe(404);
  });

  it("answers hostile queries with a clear message, never a 500", async () => {
    const long = await ctx.app.request(`/search/?q=${"a".repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Search for at most 500 characters.");
    for (const q of ["🐍🐍", "\u0000", "%ED%A0%80", "שלום", "e\u0301\u0301", "' OR 1=1 --", "a:* & !b | (c"]) {
      const response = await ctx.app.request(`/search/?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    expect((await ctx.app.request("/search/?q=%ED%A0%80")).status).toBe(200);
  });
});

describe("search.index-document task", () => {
  it("indexes a record through its source and removes it when the source no longer has it", async () => {
    const records = new Map<string, SearchDocument>([["7", doc(7, { id: "page-7", title: "Sprint guide" })]]);
    const source: SearchSource = {
      type: "page",
      label: "Pages",
      load: async (id) => records.get(id) ?? null,
      async *all() {
        yield [...records.values()];
      },
    };
    const tasks = searchTasks({ search: ctx.deps.search, sources: [source] });
    const queue = createJobQueue(ctx.deps.db, () => new Set(tasks.map((task) => task.name)));
    const logger = createLogger({ level: "silent" });

    await enqueueIndexing(queue, { type: "page", id: 7 });
    await enqueueIndexing(queue, { type: "page", id: 7 });
    await drainJobs({ connectionString: ctx.databaseUrl, tasks, logger });
    expect((await ctx.deps.search.search({ q: "sprint" })).total).toBe(1);

    records.delete("7");
    await enqueueIndexing(queue, { type: "page", id: 7 });
    await drainJobs({ connectionString: ctx.databaseUrl, tasks, logger });
    expect((await ctx.deps.search.search({ q: "sprint" })).total).toBe(0);
  });
});
