// What the bench reads from wrk (not installed on every machine, so its output is pinned
// here) and the latency histogram the node generator merges across processes.
import { describe, expect, it } from "vitest";
import { createHistogram, merge, percentileMs, record } from "./histogram.ts";
import { parseWrkOutput } from "./loadgen.ts";

const WRK_OUTPUT = `Running 10s test @ http://127.0.0.1:8080/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms  456.78us  15.23ms   89.12%
    Req/Sec    21.05k     1.23k   24.01k    70.00%
  Latency Distribution
     50%  635.00us
     75%    1.67ms
     90%    1.98ms
     99%    3.12ms
  419012 requests in 10.01s, 11.72GB read
  Socket errors: connect 0, read 12, write 0, timeout 4
  Non-2xx or 3xx responses: 3
Requests/sec:  41858.64
Transfer/sec:      1.17GB
`;

describe("wrk output", () => {
  it("gives requests, wall time, percentiles in ms, non-2xx, socket errors and bytes", () => {
    const result = parseWrkOutput(WRK_OUTPUT);
    expect(result).toMatchObject({ requests: 419012, seconds: 10.01, p90Ms: 1.98, p99Ms: 3.12, maxMs: 15.23, non2xx: 3, errors: 16 });
    expect(result.p50Ms).toBeCloseTo(0.635);
    expect(result.rps).toBeCloseTo(419012 / 10.01);
    expect(result.bytesRead).toBe(Math.round(11.72 * 1024 ** 3));
  });

  it("refuses output without the totals line", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:8080 Connection refused")).toThrow(/could not read wrk's output/);
  });
});

describe("latency histogram", () => {
  it("finds percentiles within 3 % and adds up across processes", () => {
    const first = createHistogram();
    const second = createHistogram();
    // 1..1000 ms: 500 samples in each process.
    for (let ms = 1; ms <= 1000; ms += 1) record(ms % 2 ? first : second, ms * 1000);
    merge(first, second);
    for (const [p, expected] of [
      [50, 500],
      [99, 990],
      [100, 1000],
    ] as const) {
      expect(Math.abs(percentileMs(first, p) - expected) / expected).toBeLessThan(0.03);
    }
    expect(percentileMs(createHistogram(), 50)).toBe(0);
  });
});
