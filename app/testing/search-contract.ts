// The behaviour every SearchIndex backend must have, registered as vitest cases so the
// PostgreSQL and Meilisearch adapters are held to the same expectations.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { SearchDocument, SearchIndex, SearchResults } from "../core/search/types.ts";

export interface ContractSubject {
  index: SearchIndex;
  /** Empties the index; runs before each case. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const HOSTILE_QUERIES = [
  "x".repeat(10_000),
  "python ".repeat(2_000),
  "🐍🔥 python",
  "python\u0000",
  "\uD800python\uDFFF",
  "\u202Epython\u202C مرحبا",
  "e\u0301\u0301\u0301\u0301",
  "python & | ! ( ) : * ' \\ <-> <2> \"",
  "'; DROP TABLE search_documents; --",
  "ǅ ﬁ ＰＹＴＨＯＮ ℌ",
];

/** A search document with defaults for the fields a case does not care about. */
export function makeDocument(overrides: Partial<SearchDocument> & Pick<SearchDocument, "id">): SearchDocument {
  const [type = "page"] = overrides.id.split("-");
  return { type, title: `Document ${overrides.id}`, body: "", url: `/${overrides.id}/`, ...overrides };
}

function ids(results: SearchResults): string[] {
  return results.hits.map((hit) => hit.id);
}

async function* batchesOf(...batches: SearchDocument[][]): AsyncIterable<SearchDocument[]> {
  yield* batches;
}

/** Registers the SearchIndex contract cases against the backend `open()` returns. */
export function registerSearchIndexContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  const index = () => subject.index;
  beforeAll(async () => {
    subject = await open();
  });
  beforeEach(() => subject.reset());
  afterAll(() => subject?.close());

  it("answers ping", async () => {
    expect(await index().ping()).toBe(true);
  });

  it("finds an upserted document, updates it in place and forgets it once removed", async () => {
    await index().upsert([makeDocument({ id: "page-1", title: "Installing Python", body: "Download the installer." })]);
    expect(ids(await index().search({ q: "installer" }))).toEqual(["page-1"]);

    await index().upsert([makeDocument({ id: "page-1", title: "Uninstalling Python", body: "Remove the program." })]);
    expect((await index().search({ q: "installer" })).total).toBe(0);
    const updated = await index().search({ q: "uninstalling" });
    expect(updated.hits).toEqual([expect.objectContaining({ id: "page-1", type: "page", title: "Uninstalling Python", url: "/page-1/" })]);

    await index().remove(["page-1", "page-missing"]);
    expect((await index().search({ q: "uninstalling" })).total).toBe(0);
    await expect(index().upsert([])).resolves.toBeUndefined();
    await expect(index().remove([])).resolves.toBeUndefined();
  });

  it("returns the document's date", async () => {
    const date = new Date("2024-10-07T12:00:00Z");
    await index().upsert([makeDocument({ id: "release-1", title: "Python 3.13.0", date })]);
    const [hit] = (await index().search({ q: "python" })).hits;
    expect(hit?.date?.toISOString()).toBe(date.toISOString());
  });

  it("ranks a title match above a body match", async () => {
    await index().upsert([
      makeDocument({ id: "page-body", title: "Concurrency notes", body: "Use asyncio for network servers.", date: new Date("2025-01-01") }),
      makeDocument({ id: "page-title", title: "Asyncio tutorial", body: "Coroutines and tasks.", date: new Date("2020-01-01") }),
    ]);
    expect(ids(await index().search({ q: "asyncio" }))).toEqual(["page-title", "page-body"]);
  });

  it("matches the start of a word", async () => {
    await index().upsert([makeDocument({ id: "page-1", title: "Asyncio tutorial" })]);
    expect(ids(await index().search({ q: "asyn" }))).toEqual(["page-1"]);
  });

  it("matches other forms of a word", async () => {
    await index().upsert([makeDocument({ id: "page-1", title: "How a release is made", body: "The release manager tags it." })]);
    expect(ids(await index().search({ q: "releases" }))).toEqual(["page-1"]);
  });

  it("ranks the exact version string first", async () => {
    await index().upsert([
      makeDocument({ id: "release-31310", title: "Python 3.13.10", body: "Bug fixes.", date: new Date("2025-12-01") }),
      makeDocument({ id: "release-3131", title: "Python 3.13.1", body: "Bug fixes.", date: new Date("2024-12-03") }),
      makeDocument({ id: "release-3120", title: "Python 3.12.0", body: "New features.", date: new Date("2023-10-02") }),
    ]);
    const results = await index().search({ q: "3.13.1" });
    expect(results.hits[0]?.id).toBe("release-3131");
    expect(ids(results)).not.toContain("release-3120");
  });

  it("highlights matches as <mark> in escaped HTML, whatever the document contains", async () => {
    await index().upsert([
      makeDocument({
        id: "page-1",
        title: "Asyncio <script>alert('x')</script> \uE000pwned\uE001",
        body: '<img src=x onerror=alert(1)> The asyncio event loop runs "tasks" & callbacks. \uE001\uE000',
      }),
    ]);
    const [hit] = (await index().search({ q: "asyncio" })).hits;
    expect(hit?.titleHtml).toContain("<mark>Asyncio</mark>");
    expect(hit?.titleHtml).toContain("&lt;script&gt;");
    expect(hit?.excerptHtml).toContain("<mark>asyncio</mark>");
    for (const html of [hit?.titleHtml ?? "", hit?.excerptHtml ?? ""]) {
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
      expect(html).not.toContain("<mark>pwned");
    }
  });

  it("counts matches per type regardless of the type filter", async () => {
    await index().upsert([
      makeDocument({ id: "page-1", title: "Python for beginners" }),
      makeDocument({ id: "page-2", title: "Python in education" }),
      makeDocument({ id: "release-1", title: "Python 3.12.0" }),
      makeDocument({ id: "job-1", title: "Django developer" }),
    ]);
    const all = await index().search({ q: "python" });
    expect(all.total).toBe(3);
    expect(all.facets).toEqual({ page: 2, release: 1 });

    const releases = await index().search({ q: "python", types: ["release"] });
    expect(ids(releases)).toEqual(["release-1"]);
    expect(releases.total).toBe(1);
    expect(releases.facets).toEqual({ page: 2, release: 1 });

    expect((await index().search({ q: "python", types: [] })).total).toBe(3);
    const none = await index().search({ q: "python", types: ['no"such\\type'] });
    expect(none).toMatchObject({ hits: [], total: 0, facets: { page: 2, release: 1 } });
  });

  it("pages through results, newest first among equals", async () => {
    const documents = Array.from({ length: 25 }, (_, n) => makeDocument({ id: `event-${n}`, title: "Python meetup", date: new Date(Date.UTC(2025, 0, n + 1)) }));
    await index().upsert(documents);
    const first = await index().search({ q: "meetup" });
    expect(first).toMatchObject({ total: 25, page: 1, perPage: 20 });
    expect(first.hits).toHaveLength(20);
    expect(ids(first).slice(0, 3)).toEqual(["event-24", "event-23", "event-22"]);

    const pages = await Promise.all([1, 2, 3].map((page) => index().search({ q: "meetup", page, perPage: 10 })));
    expect(pages.map((page) => page.hits.length)).toEqual([10, 10, 5]);
    expect(new Set(pages.flatMap(ids)).size).toBe(25);
    expect(pages[2]).toMatchObject({ total: 25, page: 3, perPage: 10 });

    expect(await index().search({ q: "meetup", page: 9 })).toMatchObject({ hits: [], total: 25, page: 9 });
    expect(await index().search({ q: "meetup", page: 0, perPage: 1_000 })).toMatchObject({ page: 1, perPage: 100 });
    expect(await index().search({ q: "meetup", page: Number.NaN, perPage: -5 })).toMatchObject({ page: 1, perPage: 1 });
  });

  it("returns nothing for queries without a word", async () => {
    await index().upsert([makeDocument({ id: "page-1", title: "Python" })]);
    for (const q of ["", "   ", "?! … --- ***", "\u0000", "🐍🐍", "\uD800"]) {
      expect(await index().search({ q })).toEqual({ hits: [], total: 0, page: 1, perPage: 20, facets: {} });
    }
  });

  it("never throws on hostile queries and ignores what is not a word", async () => {
    await index().upsert([makeDocument({ id: "page-1", title: "Python", body: "The language." })]);
    for (const q of HOSTILE_QUERIES) {
      const results = await index().search({ q });
      expect(results.total).toBeGreaterThanOrEqual(0);
    }
    expect(ids(await index().search({ q: "🐍🔥 python" }))).toEqual(["page-1"]);
    expect(ids(await index().search({ q: "python\u0000" }))).toEqual(["page-1"]);
    expect(ids(await index().search({ q: "\uD800python\uDFFF" }))).toEqual(["page-1"]);
  });

  it("rebuilds without readers ever seeing a partial index", async () => {
    await index().upsert([makeDocument({ id: "page-old", title: "Old asyncio page" })]);
    const seenDuringRebuild: string[][] = [];
    async function* batches(): AsyncIterable<SearchDocument[]> {
      yield [makeDocument({ id: "page-new1", title: "New asyncio guide" })];
      seenDuringRebuild.push(ids(await index().search({ q: "asyncio" })));
      yield [makeDocument({ id: "page-new2", title: "Asyncio reference" }), makeDocument({ id: "page-new1", title: "New asyncio guide" })];
    }
    expect(await index().rebuild(batches())).toEqual({ documents: 2 });
    expect(seenDuringRebuild).toEqual([["page-old"]]);
    expect(ids(await index().search({ q: "asyncio" })).sort()).toEqual(["page-new1", "page-new2"]);
  });

  it("keeps the live index when a rebuild fails", async () => {
    await index().upsert([makeDocument({ id: "page-old", title: "Old asyncio page" })]);
    async function* failing(): AsyncIterable<SearchDocument[]> {
      yield [makeDocument({ id: "page-new", title: "New asyncio guide" })];
      throw new Error("source unavailable");
    }
    await expect(index().rebuild(failing())).rejects.toThrow(/source unavailable/);
    expect(ids(await index().search({ q: "asyncio" }))).toEqual(["page-old"]);
    expect(await index().rebuild(batchesOf([makeDocument({ id: "page-new", title: "New asyncio guide" })]))).toEqual({ documents: 1 });
    expect(ids(await index().search({ q: "asyncio" }))).toEqual(["page-new"]);
  });
}
