import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressBody, isCompressible, negotiateCoding } from "./compression.ts";

describe("negotiateCoding", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["x-gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["identity", null],
    ["*", "br"],
    ["*;q=0", null],
    ["gzip;q=0, br;q=0", null],
    ["deflate", null],
  ])("%s → %s", (header, expected) => {
    expect(negotiateCoding(header)).toBe(expected);
  });
});

describe("compression", () => {
  it("compresses text types of a useful size only", () => {
    expect(isCompressible("text/html; charset=utf-8", 4000)).toBe(true);
    expect(isCompressible("application/rss+xml", 4000)).toBe(true);
    expect(isCompressible("application/problem+json", 4000)).toBe(true);
    expect(isCompressible("text/html", 100)).toBe(false);
    expect(isCompressible("image/png", 4000)).toBe(false);
    expect(isCompressible("application/zip", 4000)).toBe(false);
    expect(isCompressible(null, 4000)).toBe(false);
  });

  it("round-trips both codings at both efforts", async () => {
    const body = Buffer.from("<p>python.org</p>".repeat(500));
    for (const effort of ["stored", "live"] as const) {
      expect(brotliDecompressSync(await compressBody(body, "br", effort)).equals(body)).toBe(true);
      expect(gunzipSync(await compressBody(body, "gzip", effort)).equals(body)).toBe(true);
    }
  });
});
