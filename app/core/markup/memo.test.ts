import { describe, expect, it } from "vitest";
import { memoizeString } from "./memo.ts";

describe("memoizeString", () => {
  const long = (letter: string) => letter.repeat(300);

  it("computes each long input once and answers the same result after", () => {
    const calls: string[] = [];
    const upper = memoizeString(
      (input) => {
        calls.push(input);
        return input.toUpperCase();
      },
      { maxBytes: 10_000 },
    );
    expect(upper(long("a"))).toBe(long("A"));
    expect(upper(long("a"))).toBe(long("A"));
    expect(calls).toHaveLength(1);
    expect(upper.stats()).toEqual({ entries: 1, bytes: 600 });
  });

  it("computes short inputs every time", () => {
    let calls = 0;
    const same = memoizeString((input) => ((calls += 1), input), { maxBytes: 10_000 });
    same("short");
    same("short");
    expect(calls).toBe(2);
    expect(same.stats().entries).toBe(0);
  });

  it("keeps within its bytes, dropping the least recently used first", () => {
    const calls: string[] = [];
    const same = memoizeString((input) => (calls.push(input[0]!), input), { maxBytes: 1300 });
    same(long("a"));
    same(long("b"));
    same(long("a")); // a is now the most recent
    same(long("c")); // over 1300 bytes: b goes
    expect(same.stats()).toEqual({ entries: 2, bytes: 1200 });
    same(long("a"));
    same(long("b"));
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });
});
