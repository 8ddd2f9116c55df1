// The measured server: the app as `npm start` runs it, in a process of its own, plus
// what the bench reads from the outside (its memory from /proc, a response's bytes).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createServer, type AddressInfo } from "node:net";

export interface WebProcess {
  pid: number;
  origin: string;
  /** Stops it with SIGTERM (the graceful shutdown) and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * The node flags `npm start` gives the web process (package.json's `start` script, the one
 * place they are written), so the bench measures the process production runs.
 */
export function startScriptNodeFlags(packageJson: { scripts?: Record<string, string> }): string[] {
  const words = (packageJson.scripts?.start ?? "").trim().split(/\s+/);
  if (words[0] !== "node") return [];
  return words.slice(1).filter((word) => word.startsWith("--"));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <execArgv> <entry>` with `env` and resolves once `/_health` answers 200
 * and, for a cluster (`processes` > 1), once its primary says every process listens.
 */
export async function startWebProcess(options: {
  entry: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  processes?: number;
  timeoutMs?: number;
}): Promise<WebProcess> {
  const child = spawn(process.execPath, [...options.execArgv, options.entry], { env: options.env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let clusterReady = (options.processes ?? 1) <= 1;
  child.on("message", (message) => {
    if ((message as { type?: string } | null)?.type === "pydotorg:cluster-ready") clusterReady = true;
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web process exited with ${child.exitCode} before it was ready:\n${output}`);
    const status = await get(`${origin}/_health`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200 && clusterReady) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the web process did not answer /_health within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid!,
    origin,
    async stop() {
      if (child.exitCode !== null) return;
      const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(force);
    },
  };
}

export interface Fetched {
  status: number;
  contentType: string;
  body: Buffer;
}

/** One GET with the headers the node generator sends (no Accept-Encoding: the bytes as sent). */
export function get(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: "*/*" }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? "application/octet-stream"), body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on("error", reject);
  });
}

/** Resident memory of a process in bytes (Linux /proc); null where /proc is absent. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The process and its descendants (a cluster primary's workers), from /proc; just `pid` where that is unreadable. */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let index = 0; index < found.length; index += 1) {
    const current = found[index]!;
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // Gone, or no /proc: what was found so far.
    }
  }
  return found;
}

export interface RssPeak {
  /** The most any one process of the tree held (the per-process target). */
  process: number | null;
  /** The most the whole tree held at once. */
  total: number | null;
}

/** Samples the RSS of a process and its children every `intervalMs` until stopped; returns the peaks. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): RssPeak } {
  const peak: RssPeak = { process: null, total: null };
  const sample = () => {
    const sizes = processTree(pid)
      .map(residentBytes)
      .filter((value): value is number => value !== null);
    if (sizes.length === 0) return;
    const largest = Math.max(...sizes);
    const total = sizes.reduce((sum, value) => sum + value, 0);
    if (peak.process === null || largest > peak.process) peak.process = largest;
    if (peak.total === null || total > peak.total) peak.total = total;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
