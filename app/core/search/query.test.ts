import { describe, expect, it } from "vitest";
import { emptyResults, MAX_TERM_LENGTH, MAX_TERMS, normalizePaging, normalizeTypes, parseSearchTerms } from "./query.ts";

describe("parseSearchTerms", () => {
  it("keeps words, version strings and dotted names as single lower-cased terms", () => {
    expect(parseSearchTerms("Python 3.13.1. asyncio.run() pip-tools Café")).toEqual(["python", "3.13.1", "asyncio.run", "pip-tools", "café"]);
  });

  it("drops operators, emoji, control characters and lone surrogates", () => {
    expect(parseSearchTerms("a & | ! ( ) : * ' \\ <-> 🐍 \u0000 \uD800b")).toEqual(["a", "b"]);
    expect(parseSearchTerms("  ?!… ---  ")).toEqual([]);
  });

  it("deduplicates and caps the number and length of terms", () => {
    expect(parseSearchTerms("Python python PYTHON")).toEqual(["python"]);
    const many = Array.from({ length: 100 }, (_, n) => `w${n}`).join(" ");
    expect(parseSearchTerms(many)).toHaveLength(MAX_TERMS);
    const [long] = parseSearchTerms(`${"𝒜".repeat(100)} x`);
    expect(Array.from(long ?? "")).toHaveLength(MAX_TERM_LENGTH);
    expect(parseSearchTerms(`${"a.".repeat(5_000)}`)[0]?.endsWith(".")).toBe(false);
  });

  it("normalises compatibility forms", () => {
    expect(parseSearchTerms("ＰＹＴＨＯＮ ﬁle")).toEqual(["python", "file"]);
  });
});

describe("normalizePaging", () => {
  it("defaults to the first page of 20 and clamps out-of-range values", () => {
    expect(normalizePaging({})).toEqual({ page: 1, perPage: 20, offset: 0 });
    expect(normalizePaging({ page: 3, perPage: 10 })).toEqual({ page: 3, perPage: 10, offset: 20 });
    expect(normalizePaging({ page: -1, perPage: 1_000 })).toEqual({ page: 1, perPage: 100, offset: 0 });
    expect(normalizePaging({ page: Number.POSITIVE_INFINITY, perPage: 2.7 })).toEqual({ page: 1, perPage: 2, offset: 0 });
    expect(normalizePaging({ page: 1e12 }).page).toBe(1000);
  });
});

describe("normalizeTypes", () => {
  it("treats an empty list as no filter and cleans values", () => {
    expect(normalizeTypes(undefined)).toBeUndefined();
    expect(normalizeTypes(["", "\u0000"])).toBeUndefined();
    expect(normalizeTypes(["page", "page", "re\u0000lease"])).toEqual(["page", "release"]);
  });
});

describe("emptyResults", () => {
  it("reports the requested page with no hits", () => {
    expect(emptyResults({ page: 2, perPage: 5, offset: 5 })).toEqual({ hits: [], total: 0, page: 2, perPage: 5, facets: {} });
  });
});
