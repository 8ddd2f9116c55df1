// The load generators `npm run bench` can drive, all outside the measured server's
// process: wrk when installed, autocannon when the package can be imported, otherwise
// our own node:http generator in forked processes (keep-alive agents, N connections).
import { execFile, fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import { promisify } from "node:util";
import { count, createHistogram, merge, percentileMs, record, type Histogram } from "./histogram.ts";

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  /** Wall time of the run (the last in-flight responses included). */
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses with a status outside 200–299. */
  non2xx: number;
  /** Requests that got no response (connection refused, reset). */
  errors: number;
  /** Response body bytes read. */
  bytesRead: number;
}

export interface LoadGenerator {
  name: "wrk" | "autocannon" | "node";
  run(spec: LoadSpec): Promise<LoadResult>;
  /** Ends the processes it keeps between runs. */
  close(): Promise<void>;
}

export type GeneratorChoice = "auto" | LoadGenerator["name"];

/** wrk, then autocannon, then the node generator (or the one asked for, failing when it is missing). */
export async function chooseGenerator(choice: GeneratorChoice, options: { processes: number; entry: string; execArgv: string[] }): Promise<LoadGenerator> {
  if (choice === "wrk" || choice === "auto") {
    const wrk = await findWrk();
    if (wrk) return wrkGenerator(wrk);
    if (choice === "wrk") throw new Error("--generator wrk: wrk is not installed (apt-get install wrk)");
  }
  if (choice === "autocannon" || choice === "auto") {
    const autocannon = await importAutocannon();
    if (autocannon) return autocannonGenerator(autocannon);
    if (choice === "autocannon") throw new Error("--generator autocannon: the autocannon package is not installed");
  }
  return nodeGenerator(options);
}

// --- wrk --------------------------------------------------------------------------------

async function findWrk(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)("sh", ["-c", "command -v wrk"]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

function wrkGenerator(binary: string): LoadGenerator {
  return {
    name: "wrk",
    close: async () => undefined,
    async run(spec) {
      const threads = Math.max(1, Math.min(spec.connections, 2));
      const { stdout } = await promisify(execFile)(binary, [`-t${threads}`, `-c${spec.connections}`, `-d${spec.seconds}s`, "--latency", spec.url], {
        maxBuffer: 1 << 20,
      });
      return parseWrkOutput(stdout);
    },
  };
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** The numbers of `wrk --latency` output (latencies in ms). */
export function parseWrkOutput(output: string): LoadResult {
  const latency = (label: string) => {
    const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(output);
    return match ? Number(match[1]) * TIME_UNITS[match[2]!]! : 0;
  };
  const totals = /(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)(B|KB|MB|GB|TB) read/.exec(output);
  if (!totals) throw new Error(`could not read wrk's output:\n${output}`);
  const requests = Number(totals[1]);
  const seconds = (Number(totals[2]) * TIME_UNITS[totals[3]!]!) / 1000;
  const maxMatch = /^\s*Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m)/m.exec(output);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50Ms: latency("50"),
    p90Ms: latency("90"),
    p99Ms: latency("99"),
    maxMs: maxMatch ? Number(maxMatch[1]) * TIME_UNITS[maxMatch[2]!]! : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: errors ? errors.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0,
    bytesRead: Math.round(Number(totals[4]) * SIZE_UNITS[totals[5]!]!),
  };
}

// --- autocannon (when the lead installs it) ------------------------------------------------

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  throughput: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;

async function importAutocannon(): Promise<Autocannon | null> {
  // A name in a variable: neither TypeScript nor the bundler resolves an optional package.
  const name = "autocannon";
  try {
    const loaded = (await import(name)) as { default?: Autocannon };
    return loaded.default ?? null;
  } catch {
    return null;
  }
}

function autocannonGenerator(autocannon: Autocannon): LoadGenerator {
  return {
    name: "autocannon",
    close: async () => undefined,
    async run(spec) {
      const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.seconds });
      return {
        requests: result.requests.total,
        seconds: result.duration,
        rps: result.requests.total / result.duration,
        p50Ms: result.latency.p50,
        p90Ms: result.latency.p90,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
        bytesRead: result.throughput.total,
      };
    },
  };
}

// --- the node:http generator ---------------------------------------------------------------

interface ChildResult {
  histogram: Histogram;
  seconds: number;
  non2xx: number;
  errors: number;
  bytesRead: number;
}

/**
 * Forks `processes` copies of the bench entry in its load-generator role (once, kept for
 * every run), splits the connections between them and adds up what they measured.
 */
function nodeGenerator(options: { processes: number; entry: string; execArgv: string[] }): LoadGenerator {
  const children: ChildProcess[] = [];
  const childAt = (index: number): ChildProcess => {
    const running = children[index];
    if (running && running.exitCode === null && running.connected) return running;
    const child = fork(options.entry, ["--role", "loadgen"], { execArgv: options.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children[index] = child;
    return child;
  };
  return {
    name: "node",
    async run(spec) {
      const processes = Math.max(1, Math.min(options.processes, spec.connections));
      const shares = Array.from({ length: processes }, (_, index) => Math.floor(spec.connections / processes) + (index < spec.connections % processes ? 1 : 0));
      const parts = await Promise.all(shares.map((connections, index) => runOn(childAt(index), { ...spec, connections })));
      const histogram = createHistogram();
      for (const part of parts) merge(histogram, part.histogram);
      const requests = count(histogram);
      const seconds = Math.max(...parts.map((part) => part.seconds));
      return {
        requests,
        seconds,
        rps: requests / seconds,
        p50Ms: percentileMs(histogram, 50),
        p90Ms: percentileMs(histogram, 90),
        p99Ms: percentileMs(histogram, 99),
        maxMs: percentileMs(histogram, 100),
        non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
        errors: parts.reduce((sum, part) => sum + part.errors, 0),
        bytesRead: parts.reduce((sum, part) => sum + part.bytesRead, 0),
      };
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || !child.connected) return resolve();
              child.once("exit", () => resolve());
              child.disconnect();
            }),
        ),
      );
      children.length = 0;
    },
  };
}

function runOn(child: ChildProcess, spec: LoadSpec): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load generator process exited with ${code} before reporting`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as ChildResult);
    });
    child.send(spec);
  });
}

/** The child side: runs each spec it is sent and answers with the result; ends when the parent disconnects. */
export function serveLoadgenRole(): void {
  process.on("message", (spec: LoadSpec) => {
    void generateLoad(spec).then((result) => process.send!(result));
  });
}

async function generateLoad(spec: LoadSpec): Promise<ChildResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections, maxFreeSockets: spec.connections });
  const target = new URL(spec.url);
  const histogram = createHistogram();
  let non2xx = 0;
  let errors = 0;
  let bytesRead = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const request = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: { accept: "*/*" } }, (response) => {
        response.on("data", (chunk: Buffer) => (bytesRead += chunk.length));
        response.on("end", () => {
          record(histogram, Number(process.hrtime.bigint() - started) / 1000);
          if (response.statusCode! < 200 || response.statusCode! > 299) non2xx += 1;
          resolve();
        });
        response.on("error", () => {
          errors += 1;
          resolve();
        });
      });
      request.on("error", () => {
        errors += 1;
        resolve();
      });
      request.end();
    });
  const startedAt = performance.now();
  const deadline = startedAt + spec.seconds * 1000;
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();
  return { histogram, seconds, non2xx, errors, bytesRead };
}
