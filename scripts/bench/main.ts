// The bench's conductor: prepares the database, asks the registered domains which paths
// to measure, then measures each path against three servers, one at a time, each in its
// own process: the app with its response cache (warm), the app with RESPONSE_CACHE=off
// (cold), and a static server holding the app's exact bytes. The load comes from another
// process again (wrk, autocannon or the node generator), never from the server's own loop.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { loadConfig } from "../../app/core/config/config.ts";
import { createLogger } from "../../app/core/logging/logger.ts";
import { ROOT_DIR } from "../../app/core/root-dir.ts";
import { buildRuntime } from "../../app/deps.ts";
import { prepareBenchDatabase, type DataChoice } from "./database.ts";
import { chooseGenerator, type GeneratorChoice, type LoadGenerator, type LoadResult } from "./loadgen.ts";
import { startStaticServer } from "./static-server.ts";
import { freePort, get, sampleRss, startScriptNodeFlags, startWebProcess, type Fetched } from "./web-process.ts";

export const BENCH_USAGE = `npm run bench -- [options]
  --seconds N        seconds of load per path and server (10)
  --connections N    concurrent keep-alive connections (64)
  --path P           a path to measure (repeatable); default: / and every domain's bench paths
  --warmup N         seconds of unmeasured load before each measurement (2)
  --generator G      auto (wrk, then autocannon, then node), wrk, autocannon or node
  --processes N      processes of the node generator (1)
  --web-concurrency N  HTTP processes of the measured app (WEB_CONCURRENCY, 1)
  --data D           auto, legacy (the shared legacy sample) or generated
  --fresh            rebuild the bench database even when it matches its inputs
  --out FILE         where the JSON results go (bench-results.json)`;

/** Redis keys of the measured servers (flushed before each run). */
const REDIS_PREFIX = "pydotorg-bench:";
/** The API limits, raised so that one client address never meets a 429. */
const UNLIMITED = "1000000000";

type Mode = "warm" | "cold" | "static";

export interface Measurement extends LoadResult {
  /** app requests/s over the static server's for the same bytes (warm and cold only). */
  ratioToStatic?: number;
  /** The most memory one process of the measured server held during this path's run. */
  peakRssBytes: number | null;
}

export interface PathResult {
  path: string;
  status: number;
  contentType: string;
  bytes: number;
  warm?: Measurement;
  cold?: Measurement;
  static?: Measurement;
}

export interface BenchResults {
  generatedAt: string;
  generator: LoadGenerator["name"];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  data: { source: string; note: string; reused: boolean };
  cache: "redis" | "in-process";
  machine: { cpus: number; loadAverage: number[]; node: string; platform: string };
  /** Per app run: the largest single web process, and all of them together (with --web-concurrency > 1). */
  peakRssBytes: { warm: number | null; cold: number | null };
  peakTotalRssBytes: { warm: number | null; cold: number | null };
  webConcurrency: number;
  results: PathResult[];
  targets: { met: string[]; missed: string[] };
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "64" },
      path: { type: "string", multiple: true },
      warmup: { type: "string", default: "2" },
      generator: { type: "string", default: "auto" },
      processes: { type: "string", default: "1" },
      "web-concurrency": { type: "string", default: "1" },
      data: { type: "string", default: "auto" },
      fresh: { type: "boolean", default: false },
      out: { type: "string", default: "bench-results.json" },
      help: { type: "boolean", default: false },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min) throw new Error(`--${name} must be a number ≥ ${min} (got ${JSON.stringify(value)})`);
    return parsed;
  };
  if (!["auto", "wrk", "autocannon", "node"].includes(values.generator)) throw new Error(`--generator must be auto, wrk, autocannon or node`);
  if (!["auto", "legacy", "generated"].includes(values.data)) throw new Error(`--data must be auto, legacy or generated`);
  for (const value of values.path ?? []) if (!value.startsWith("/")) throw new Error(`--path must start with "/" (got ${JSON.stringify(value)})`);
  return {
    help: values.help,
    seconds: number("seconds", values.seconds, 0.1),
    connections: Math.round(number("connections", values.connections, 1)),
    paths: values.path,
    warmup: number("warmup", values.warmup, 0),
    generator: values.generator as GeneratorChoice,
    processes: Math.round(number("processes", values.processes, 1)),
    webConcurrency: Math.round(number("web-concurrency", values["web-concurrency"], 1)),
    data: values.data as DataChoice,
    fresh: values.fresh,
    out: path.resolve(values.out),
  };
}

async function flushRedisPrefix(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${REDIS_PREFIX}*`, "COUNT", 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export async function main(argv: string[]): Promise<void> {
  const options = parse(argv);
  if (options.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  const env = process.env;
  const config = { ...loadConfig(env), REDIS_PREFIX, LOG_LEVEL: "warn" as const };
  const logger = createLogger({ level: "info" });
  const entry = process.argv[1]!;
  // Run from its source (tsx, tests) the bench starts the server from its source too.
  const serverEntry = entry.endsWith(".ts") ? path.join(ROOT_DIR, "app/server.ts") : path.join(ROOT_DIR, "dist/app/server.js");
  const execArgv = process.execArgv;
  const webExecArgv = [...execArgv, ...startScriptNodeFlags(JSON.parse(readFileSync(path.join(ROOT_DIR, "package.json"), "utf8")) as { scripts?: Record<string, string> })];
  const loadAverage = os.loadavg();

  if (config.REDIS_URL) await flushRedisPrefix(config.REDIS_URL);
  const database = await prepareBenchDatabase({ config, env, data: options.data, fresh: options.fresh, logger });
  let generator: LoadGenerator | undefined;
  try {
    const runtime = await buildRuntime({
      config: { ...config, DATABASE_URL: database.url, RUN_WORKER: false },
      logger: createLogger({ level: "warn" }),
      worker: { mode: "external", isRunning: () => false },
      migrate: true,
    });
    const paths = options.paths ?? ["/", ...(await runtime.registry.benchPaths())].filter((value, index, all) => all.indexOf(value) === index);
    await runtime.close();

    const load = await chooseGenerator(options.generator, { processes: options.processes, entry, execArgv });
    generator = load;
    logger.info(`bench: ${paths.length} paths × warm, cold and static, ${options.seconds} s each at ${options.connections} connections, load from ${load.name}`);
    const results = new Map<string, PathResult>(paths.map((value) => [value, { path: value, status: 0, contentType: "", bytes: 0 }]));
    const captured = new Map<string, Fetched>();
    const peakRssBytes: BenchResults["peakRssBytes"] = { warm: null, cold: null };
    const peakTotalRssBytes: BenchResults["peakTotalRssBytes"] = { warm: null, cold: null };
    const measure = async (mode: Mode, origin: string, pid: number, value: string) => {
      const spec = { url: origin + value, connections: options.connections, seconds: options.seconds };
      if (options.warmup > 0) await load.run({ ...spec, seconds: options.warmup });
      const sampler = sampleRss(pid);
      const result = await load.run(spec);
      results.get(value)![mode] = { ...result, peakRssBytes: sampler.stop().process };
    };

    for (const mode of ["warm", "cold"] as const) {
      const port = await freePort();
      const web = await startWebProcess({
        entry: serverEntry,
        execArgv: webExecArgv,
        port,
        processes: options.webConcurrency,
        env: {
          ...env,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(port),
          SITE_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: database.url,
          REDIS_PREFIX,
          RUN_WORKER: "0",
          WEB_CONCURRENCY: String(options.webConcurrency),
          MIGRATE_ON_START: "0",
          SEED_ON_START: "never",
          LOG_LEVEL: "warn",
          SECRET_KEY: randomBytes(32).toString("hex"),
          RESPONSE_CACHE: mode === "warm" ? "on" : "off",
          API_V1_LIMIT_PER_HOUR: UNLIMITED,
          API_V2_ANON_PER_DAY: UNLIMITED,
          API_V2_USER_PER_DAY: UNLIMITED,
          API_V3_ANON_PER_HOUR: UNLIMITED,
          API_V3_USER_PER_HOUR: UNLIMITED,
        },
      });
      const whole = sampleRss(web.pid);
      try {
        for (const value of paths) {
          // The first answer fills the cache (warm) and gives the static server its bytes.
          const response = await get(web.origin + value);
          if (mode === "warm") {
            captured.set(value, response);
            Object.assign(results.get(value)!, { status: response.status, contentType: response.contentType, bytes: response.body.length });
            if (response.status !== 200) logger.warn(`bench: ${value} answers ${response.status}; measured anyway`);
          }
          await measure(mode, web.origin, web.pid, value);
        }
      } finally {
        const peak = whole.stop();
        peakRssBytes[mode] = peak.process;
        peakTotalRssBytes[mode] = peak.total;
        await web.stop();
      }
    }

    const staticServer = await startStaticServer(
      paths.map((value) => {
        const response = captured.get(value)!;
        return { path: value, status: response.status, contentType: response.contentType, body: response.body.toString("base64") };
      }),
      { entry, execArgv },
    );
    try {
      for (const value of paths) await measure("static", staticServer.origin, staticServer.pid, value);
    } finally {
      await staticServer.stop();
    }

    const rows = [...results.values()];
    for (const row of rows) {
      for (const mode of ["warm", "cold"] as const) {
        const measured = row[mode];
        if (measured && row.static && row.static.rps > 0) measured.ratioToStatic = measured.rps / row.static.rps;
      }
    }
    const report: BenchResults = {
      generatedAt: new Date().toISOString(),
      generator: load.name,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      data: { source: database.source, note: database.note, reused: database.reused },
      cache: config.REDIS_URL ? "redis" : "in-process",
      machine: { cpus: os.availableParallelism(), loadAverage, node: process.version, platform: `${os.platform()} ${os.arch()}` },
      peakRssBytes,
      peakTotalRssBytes,
      webConcurrency: options.webConcurrency,
      results: rows,
      targets: checkTargets(rows, peakRssBytes),
    };
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${formatReport(report)}\nJSON written to ${path.relative(process.cwd(), options.out) || options.out}\n`);
  } finally {
    await generator?.close();
    await database.close();
  }
}

/** Issue 11's targets on a 2-core machine, each as one line. */
export function checkTargets(rows: PathResult[], peak: BenchResults["peakRssBytes"]): BenchResults["targets"] {
  const met: string[] = [];
  const missed: string[] = [];
  const check = (ok: boolean, line: string) => (ok ? met : missed).push(line);
  for (const row of rows) {
    const { warm, cold } = row;
    if (warm) {
      check((warm.ratioToStatic ?? 0) >= 0.5, `${row.path} warm: ≥ 50 % of static req/s (${percent(warm.ratioToStatic)})`);
      check(warm.p99Ms < 25, `${row.path} warm: p99 < 25 ms (${ms(warm.p99Ms)})`);
    }
    if (cold) {
      const floor = row.path.startsWith("/api/") ? 3000 : 1500;
      check(cold.rps >= floor, `${row.path} cold: ≥ ${floor} req/s (${Math.round(cold.rps)})`);
      check(cold.p99Ms < 100, `${row.path} cold: p99 < 100 ms (${ms(cold.p99Ms)})`);
    }
  }
  for (const mode of ["warm", "cold"] as const) {
    const value = peak[mode];
    if (value !== null) check(value < 300 * 1024 * 1024, `web process RSS < 300 MB under the ${mode} run (${mb(value)})`);
  }
  return { met, missed };
}

const ms = (value: number | undefined) => (value === undefined ? "–" : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`);
const percent = (value: number | undefined) => (value === undefined ? "–" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`);
const mb = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${Math.round(value / (1024 * 1024))} MB`);
const rps = (value: number | undefined) => (value === undefined ? "–" : Math.round(value).toLocaleString("en-US"));

/** The Markdown table (pastes into an issue note) and the targets missed. */
export function formatReport(report: BenchResults): string {
  const lines = [
    `load: ${report.generator}, ${report.connections} connections, ${report.seconds} s per path and server (after ${report.warmupSeconds} s warm-up)`,
    `data: ${report.data.note}${report.data.reused ? " (database reused)" : ""}; cache store: ${report.cache}`,
    `machine: ${report.machine.cpus} cores, load average ${report.machine.loadAverage.map((value) => value.toFixed(2)).join(" ")} at start, node ${report.machine.node}`,
    "",
    "| path | bytes | warm req/s | p50 | p99 | non-2xx | × static | cold req/s | p50 | p99 | non-2xx | × static | static req/s | p50 | p99 |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const row of report.results) {
    const cells = [`\`${row.path}\`${row.status === 200 ? "" : ` (${row.status})`}`, row.bytes.toLocaleString("en-US")];
    for (const mode of ["warm", "cold"] as const) {
      const value = row[mode];
      cells.push(rps(value?.rps), ms(value?.p50Ms), ms(value?.p99Ms), String(value ? value.non2xx + value.errors : "–"), percent(value?.ratioToStatic));
    }
    cells.push(rps(row.static?.rps), ms(row.static?.p50Ms), ms(row.static?.p99Ms));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const total =
    report.webConcurrency > 1 ? ` (${report.webConcurrency} processes, all together: warm ${mb(report.peakTotalRssBytes.warm)}, cold ${mb(report.peakTotalRssBytes.cold)})` : "";
  lines.push("", `peak RSS of a web process: warm ${mb(report.peakRssBytes.warm)}, cold ${mb(report.peakRssBytes.cold)}${total}`);
  lines.push(`targets: ${report.targets.met.length} met, ${report.targets.missed.length} missed${report.targets.missed.length ? ":" : ""}`);
  for (const line of report.targets.missed) lines.push(`  - ${line}`);
  return lines.join("\n");
}
