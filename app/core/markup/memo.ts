// Remembers the results of a pure string function, least recently used out first, bounded
// by the bytes of the results kept. Keys are a hash of the input, so long inputs are not
// held twice. Hashing 10 KB costs microseconds; sanitising it costs milliseconds.
import { createHash } from "node:crypto";

export interface StringMemo {
  (input: string): string;
  stats(): { entries: number; bytes: number };
}

/** Inputs shorter than this are computed every time: the hash would cost about as much. */
const SHORTEST_REMEMBERED = 256;

export function memoizeString(compute: (input: string) => string, options: { maxBytes: number }): StringMemo {
  // Insertion order is recency order: a hit re-inserts its key.
  const results = new Map<string, string>();
  let bytes = 0;
  const memo = (input: string): string => {
    if (input.length < SHORTEST_REMEMBERED) return compute(input);
    const key = createHash("sha256").update(input).digest("base64");
    const known = results.get(key);
    if (known !== undefined) {
      results.delete(key);
      results.set(key, known);
      return known;
    }
    const result = compute(input);
    // UTF-16 code units, two bytes each: close enough to what V8 holds.
    const size = result.length * 2;
    if (size > options.maxBytes) return result;
    results.set(key, result);
    bytes += size;
    for (const [oldest, value] of results) {
      if (bytes <= options.maxBytes) break;
      results.delete(oldest);
      bytes -= value.length * 2;
    }
    return result;
  };
  return Object.assign(memo, { stats: () => ({ entries: results.size, bytes }) });
}
