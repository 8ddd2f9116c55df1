import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { makeDocument, registerSearchIndexContract } from "../../testing/search-contract.ts";
import { createPostgresSearchIndex, toTsqueryText } from "./postgres.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("PostgreSQL search index: contract", () => {
  registerSearchIndexContract(async () => ({
    index: createPostgresSearchIndex({ db: ctx.deps.db, indexName: "contract" }),
    reset: () => ctx.reset(),
    close: async () => {},
  }));
});

describe("PostgreSQL search index", () => {
  beforeEach(() => ctx.reset());

  it("keeps indexes sharing the table apart, rebuilds included", async () => {
    const site = createPostgresSearchIndex({ db: ctx.deps.db, indexName: "site" });
    const other = createPostgresSearchIndex({ db: ctx.deps.db, indexName: "other" });
    await site.upsert([makeDocument({ id: "page-1", title: "Asyncio tutorial" })]);
    await other.upsert([makeDocument({ id: "page-1", title: "Asyncio internals" })]);
    async function* empty(): AsyncIterable<never[]> {}
    expect(await other.rebuild(empty())).toEqual({ documents: 0 });
    const [hit] = (await site.search({ q: "asyncio" })).hits;
    expect(hit?.title).toBe("Asyncio tutorial");
    expect((await other.search({ q: "asyncio" })).total).toBe(0);
  });

  it("keeps changes made while a rebuild runs, and removals too", async () => {
    const index = createPostgresSearchIndex({ db: ctx.deps.db, indexName: "site" });
    await index.upsert([makeDocument({ id: "page-1", title: "Old tutorial" }), makeDocument({ id: "page-2", title: "Doomed page" })]);
    async function* batches() {
      yield [makeDocument({ id: "page-1", title: "Old tutorial" }), makeDocument({ id: "page-2", title: "Doomed page" })];
      // Meanwhile the worker indexes an edit, a new page and a deletion.
      await index.upsert([makeDocument({ id: "page-1", title: "Edited tutorial" }), makeDocument({ id: "page-3", title: "Fresh page" })]);
      await index.remove(["page-2"]);
      yield [];
    }
    expect(await index.rebuild(batches())).toEqual({ documents: 2 });
    expect((await index.search({ q: "tutorial" })).hits.map((hit) => hit.title)).toEqual(["Edited tutorial"]);
    expect((await index.search({ q: "fresh" })).total).toBe(1);
    expect((await index.search({ q: "doomed" })).total).toBe(0);
    // After the swap, writes go to the live index only.
    await index.upsert([makeDocument({ id: "page-4", title: "Later page" })]);
    const [leftover] = await ctx.deps.db.$queryRaw<Array<{ rows: number }>>`SELECT count(*)::int AS rows FROM search_documents WHERE index_name = 'site__building'`;
    expect(leftover?.rows).toBe(0);
  });

  it("stores each document once per index with a weighted vector", async () => {
    const index = createPostgresSearchIndex({ db: ctx.deps.db, indexName: "site" });
    await index.upsert([
      makeDocument({ id: "page-1", title: "First", headings: "Heading", body: "Body text", section: "about" }),
      makeDocument({ id: "page-1", title: "Second", headings: "Heading", body: "Body text", section: "about" }),
    ]);
    const rows = await ctx.deps.db.$queryRaw<Array<{ title: string; section: string; vector: string }>>`
      SELECT title, section, search_vector::text AS vector FROM search_documents WHERE index_name = 'site'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "Second", section: "about" });
    expect(rows[0]?.vector).toContain("'second':1A");
    expect(rows[0]?.vector).toMatch(/'head':\d+B/);
    expect(rows[0]?.vector).toMatch(/'bodi':\d+C/);
  });

  it("builds tsquery text that to_tsquery reads as literals", async () => {
    const text = toTsqueryText(["it's", "back\\slash", "a&b|!c"], { prefix: true });
    expect(text).toBe("'it''s':* & 'back\\\\slash':* & 'a&b|!c':*");
    const [row] = await ctx.deps.db.$queryRaw<Array<{ query: string }>>`SELECT to_tsquery('simple', ${text})::text AS query`;
    expect(row?.query).toContain("'it'");
    expect(toTsqueryText(["3.13.1"], { prefix: false })).toBe("'3.13.1'");
  });
});
