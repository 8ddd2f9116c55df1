// Content encodings for text responses: brotli or gzip as the client accepts them.
// Stored responses are compressed once when stored (a little harder); others on the way
// out (a little faster). Small bodies and already compressed types go as they are.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type ContentCoding = "br" | "gzip";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies below this size are not worth the CPU or the header. */
export const MIN_COMPRESSIBLE_BYTES = 1024;
const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|problem\+json|ld\+json|manifest\+json|[a-z.+-]*\+json|[a-z.+-]*\+xml)\b|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null | undefined, length: number): boolean {
  return length >= MIN_COMPRESSIBLE_BYTES && COMPRESSIBLE_TYPE.test(contentType ?? "");
}

/** The coding to answer with for an Accept-Encoding header: brotli first, then gzip, never one refused with q=0. */
export function negotiateCoding(acceptEncoding: string | null | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get("*");
  const quality = (coding: ContentCoding) => accepted.get(coding) ?? (coding === "gzip" ? accepted.get("x-gzip") : undefined) ?? wildcard ?? 0;
  if (quality("br") > 0 && quality("br") >= quality("gzip")) return "br";
  if (quality("gzip") > 0) return "gzip";
  return null;
}

/** `stored`: compressed once for many responses; `live`: for this response only. */
export async function compressBody(body: Uint8Array, coding: ContentCoding, effort: "stored" | "live"): Promise<Buffer> {
  if (coding === "gzip") return gzipAsync(body, { level: effort === "stored" ? 9 : 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === "stored" ? 9 : 4,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
