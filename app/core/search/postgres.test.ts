import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { makeDocument, registerSearchIndexContract } from "./contract.ts";
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
