import { createServer } from "node:net";
import { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { makeDocument, registerSearchIndexContract } from "../../testing/search-contract.ts";
import { HIGHLIGHT_END as END, HIGHLIGHT_START as START } from "./highlight.ts";
import { createMeiliSearchIndex } from "./meili.ts";
import { facetSearchParams, hitsSearchParams, MEILI_SETTINGS, toMeiliDocument, toSearchHit, typeFilter } from "./meili-mapping.ts";
import { skipUnless } from "../../testing/skip.ts";

const MEILI_URL = process.env.MEILI_URL;

/** A local URL nothing listens on, so requests fail at once with ECONNREFUSED. */
async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

describe("Meilisearch mapping", () => {
  it("ranks title over headings over body, filters by type and section, sorts by date", () => {
    expect(MEILI_SETTINGS).toMatchObject({
      searchableAttributes: ["title", "headings", "body"],
      filterableAttributes: ["type", "section"],
      sortableAttributes: ["date"],
      typoTolerance: { disableOnNumbers: true },
    });
    expect(MEILI_SETTINGS.rankingRules?.at(-1)).toBe("date:desc");
  });

  it("stores dates as unix seconds and strips highlight markers from text", () => {
    const document = makeDocument({
      id: "release-1",
      title: `Python ${START}3.13.1${END}`,
      body: "Notes\u0000",
      date: new Date("2024-12-03T10:00:00.900Z"),
    });
    expect(toMeiliDocument(document)).toEqual({
      id: "release-1",
      type: "release",
      title: "Python 3.13.1",
      headings: "",
      body: "Notes",
      url: "/release-1/",
      section: null,
      date: 1733220000,
    });
    expect(toMeiliDocument(makeDocument({ id: "page-1", section: "about" }))).toMatchObject({ date: null, section: "about" });
  });

  it("quotes and escapes type filter values", () => {
    expect(typeFilter(["page", 'evil" OR type = "x', "back\\slash"])).toBe('type IN ["page", "evil\\" OR type = \\"x", "back\\\\slash"]');
  });

  it("asks for facets on the unfiltered search only", () => {
    const paging = { page: 2, perPage: 10, offset: 10 };
    expect(hitsSearchParams(paging, undefined)).toMatchObject({ page: 2, hitsPerPage: 10, facets: ["type"], matchingStrategy: "all" });
    const filtered = hitsSearchParams(paging, ["release"]);
    expect(filtered).toMatchObject({ filter: 'type IN ["release"]', highlightPreTag: START, highlightPostTag: END, attributesToCrop: ["body"] });
    expect(filtered).not.toHaveProperty("facets");
    expect(facetSearchParams()).toMatchObject({ hitsPerPage: 0, facets: ["type"] });
  });

  it("turns a hit's formatted fields into escaped <mark> HTML and its timestamp into a Date", () => {
    const stored = toMeiliDocument(makeDocument({ id: "page-1", title: "<b>Asyncio</b>", body: "asyncio & more", date: new Date("2024-01-02T00:00:00Z") }));
    const hit = toSearchHit({
      ...stored,
      _formatted: { title: `<b>${START}Asyncio${END}</b>`, body: `…${START}asyncio${END} & more` },
    });
    expect(hit).toEqual({
      id: "page-1",
      type: "page",
      title: "<b>Asyncio</b>",
      url: "/page-1/",
      titleHtml: "&lt;b&gt;<mark>Asyncio</mark>&lt;/b&gt;",
      excerptHtml: "…<mark>asyncio</mark> &amp; more",
      date: new Date("2024-01-02T00:00:00Z"),
    });
    expect(toSearchHit({ ...stored, date: null })).toMatchObject({ titleHtml: "&lt;b&gt;Asyncio&lt;/b&gt;", excerptHtml: "" });
    expect(toSearchHit({ ...stored, date: null })).not.toHaveProperty("date");
  });
});

describe("Meilisearch search index without a server", () => {
  it("reports an unreachable server through ping and clear errors", async () => {
    const index = createMeiliSearchIndex({ host: await unreachableUrl(), indexName: "site" });
    expect(index.kind).toBe("meilisearch");
    expect(await index.ping()).toBe(false);
    await expect(index.upsert([makeDocument({ id: "page-1" })])).rejects.toThrow(/^Meilisearch upsert failed: /);
    await expect(index.search({ q: "python" })).rejects.toThrow(/^Meilisearch search failed: /);
    await index.close();
  });

  it("answers wordless queries and empty writes without calling the server", async () => {
    const index = createMeiliSearchIndex({ host: await unreachableUrl(), indexName: "site" });
    expect(await index.search({ q: " 🐍 \u0000 ", page: 2 })).toEqual({ hits: [], total: 0, page: 2, perPage: 20, facets: {} });
    await expect(index.upsert([])).resolves.toBeUndefined();
    await expect(index.remove([])).resolves.toBeUndefined();
  });
});

describe.skipIf(skipUnless(Boolean(MEILI_URL), "Meilisearch contract: set MEILI_URL (and MEILI_MASTER_KEY) to run it"))("Meilisearch search index: contract", () => {
  registerSearchIndexContract(async () => {
    const host = MEILI_URL ?? "";
    const apiKey = process.env.MEILI_MASTER_KEY;
    const indexName = `test_${process.pid}_${Date.now()}`;
    const client = new Meilisearch({ host, apiKey });
    return {
      index: createMeiliSearchIndex({ host, apiKey, indexName }),
      async reset() {
        await client.index(indexName).deleteAllDocuments().waitTask();
      },
      async close() {
        await client.deleteIndex(indexName).waitTask();
        await client.deleteIndex(`${indexName}_tmp`).waitTask();
      },
    };
  });
});
