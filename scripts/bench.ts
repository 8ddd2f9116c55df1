// `npm run bench`: requests per second and latency percentiles for key pages, over a
// real HTTP server on this machine. Uses DATABASE_URL/REDIS_URL when set (the embedded
// database and in-process cache otherwise) and seeds demo content first.
//   npm run bench -- --seconds 5 --concurrency 16 --path / --path /api/v3/boxes/
//   npm run bench -- --cold            also measures each path with the read cache cold:
//                                      the tags given by --cold-tag (default "downloads")
//                                      are invalidated before every request
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { loadConfig } from "../app/core/config/config.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { buildRuntime } from "../app/deps.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    concurrency: { type: "string", default: "16" },
    path: { type: "string", multiple: true },
    cold: { type: "boolean", default: false },
    "cold-tag": { type: "string", multiple: true },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const paths = values.path ?? ["/", "/box/supernav-python-downloads/", "/api/v3/boxes/", "/_health", "/downloads/", "/downloads/release/python-3140/", "/api/v2/downloads/release/"];
const coldTags = values["cold-tag"] ?? ["downloads"];

const config = {
  ...loadConfig(),
  // The load comes from one address: the API limits must not turn the measurement into 429s.
  API_V1_LIMIT_PER_HOUR: 1e9,
  API_V2_ANON_PER_DAY: 1e9,
  API_V2_USER_PER_DAY: 1e9,
  API_V3_ANON_PER_HOUR: 1e9,
  API_V3_USER_PER_HOUR: 1e9,
  LOG_LEVEL: "silent" as const,
  RUN_WORKER: false,
};
const logger = createLogger({ level: "silent" });
const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => true } });
await runtime.registry.seed();
const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(path: string, cache: "warm" | "cold") {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        if (cache === "cold") await runtime.deps.cache.invalidateTags(coldTags);
        const started = performance.now();
        const response = await fetch(origin + path).catch(() => undefined);
        await response?.arrayBuffer();
        if (!response || response.status >= 400) errors += 1;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    path,
    cache,
    requests: latencies.length,
    "req/s": Math.round(latencies.length / seconds),
    "p50 ms": Number(percentile(latencies, 50).toFixed(1)),
    "p99 ms": Number(percentile(latencies, 99).toFixed(1)),
    errors,
  };
}

const results = [];
for (const path of paths) {
  await fetch(origin + path).then((response) => response.arrayBuffer()); // warm the cache
  results.push(await measure(path, "warm"));
  if (values.cold) results.push(await measure(path, "cold"));
}
console.log(
  `concurrency ${concurrency}, ${seconds} s per path, cache ${runtime.deps.kv.kind}, search ${runtime.deps.search.kind}${values.cold ? `, cold = tags ${coldTags.join(", ")} invalidated before each request` : ""}`,
);
console.table(results);
server.close();
await runtime.close();
