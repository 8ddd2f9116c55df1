// The link checker's engine. Internal links are answered by the application itself
// (a Request handed to the app, no network), following up to five internal redirects.
// External links are fetched politely: one host at a time per worker, a pause between two
// requests to the same host, HEAD first and GET when HEAD is refused, and a timeout.
import { classifyLink, extractLinks, type LinkTarget } from "./link-extract.ts";

export interface LinkSource {
  type: "page" | "box" | "nav";
  id: number;
  label: string;
  /** Where an editor finds the link (page URL or admin URL). */
  url: string;
  /** The path relative links are resolved against. */
  basePath: string;
  /** HTML to scan, or the link itself for menu items. */
  html?: string;
  links?: string[];
}

export interface LinkOutcome {
  status: number | null;
  ok: boolean;
  error: string;
}

export interface LinkResult extends LinkOutcome {
  sourceType: LinkSource["type"];
  sourceId: number;
  sourceLabel: string;
  sourceUrl: string;
  target: string;
  internal: boolean;
}

export interface ExternalPolicy {
  enabled: boolean;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Pause between two requests to the same host. */
  perHostDelayMs: number;
  /** Hosts checked at the same time. */
  concurrency: number;
  /** At most this many distinct external URLs per run. */
  maxUrls: number;
  userAgent: string;
}

export interface CheckerDeps {
  dispatch: (request: Request) => Response | Promise<Response>;
  siteUrl: string;
  /** Host names that are this site under another name (www.python.org, python.org). */
  ownHosts: string[];
  external: ExternalPolicy;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_INTERNAL_HOPS = 5;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function checkInternal(path: string, deps: CheckerDeps): Promise<LinkOutcome> {
  let current = path;
  for (let hop = 0; hop <= MAX_INTERNAL_HOPS; hop += 1) {
    const response = await deps.dispatch(
      new Request(new URL(current, deps.siteUrl), { method: "GET", headers: { "user-agent": "python.org link checker (internal)" }, redirect: "manual" }),
    );
    await response.body?.cancel();
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location)
      return { status: response.status, ok: response.status < 400, error: response.status >= 400 ? `HTTP ${response.status}` : "" };
    const next = classifyLink(location, { basePath: current, siteOrigin: deps.siteUrl, ownHosts: deps.ownHosts });
    if (!next || !next.internal) return { status: response.status, ok: true, error: "" };
    current = next.path;
  }
  return { status: null, ok: false, error: "Too many redirects" };
}

async function fetchOnce(url: string, method: "HEAD" | "GET", policy: ExternalPolicy): Promise<Response> {
  return policy.fetch(url, { method, redirect: "follow", signal: AbortSignal.timeout(policy.timeoutMs), headers: { "user-agent": policy.userAgent, accept: "*/*" } });
}

async function checkExternal(url: string, policy: ExternalPolicy): Promise<LinkOutcome> {
  try {
    let response = await fetchOnce(url, "HEAD", policy);
    await response.body?.cancel();
    // Some servers refuse or mishandle HEAD; ask again with GET before calling the link broken.
    if (response.status === 405 || response.status === 403 || response.status === 501 || response.status >= 500) {
      response = await fetchOnce(url, "GET", policy);
      await response.body?.cancel();
    }
    return { status: response.status, ok: response.status < 400, error: response.status >= 400 ? `HTTP ${response.status}` : "" };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message =
      name === "TimeoutError" || name === "AbortError"
        ? `No answer within ${policy.timeoutMs} ms`
        : error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
    return { status: null, ok: false, error: message.slice(0, 500) };
  }
}

/** Checks every URL once, hosts in parallel up to `concurrency`, one request at a time per host. */
async function checkExternalUrls(urls: string[], policy: ExternalPolicy, sleep: (ms: number) => Promise<void>): Promise<Map<string, LinkOutcome>> {
  const byHost = new Map<string, string[]>();
  for (const url of urls.slice(0, policy.maxUrls)) {
    const host = new URL(url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const outcomes = new Map<string, LinkOutcome>();
  const queue = [...byHost.values()];
  const worker = async () => {
    for (let hostUrls = queue.shift(); hostUrls; hostUrls = queue.shift()) {
      for (const [index, url] of hostUrls.entries()) {
        if (index > 0) await sleep(policy.perHostDelayMs);
        outcomes.set(url, await checkExternal(url, policy));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, policy.concurrency) }, worker));
  return outcomes;
}

function targetsOf(source: LinkSource, deps: CheckerDeps): Array<{ raw: string; target: LinkTarget }> {
  const raws = source.links ?? extractLinks(source.html ?? "");
  return raws.flatMap((raw) => {
    const target = classifyLink(raw, { basePath: source.basePath, siteOrigin: deps.siteUrl, ownHosts: deps.ownHosts });
    return target ? [{ raw, target }] : [];
  });
}

/** Checks every link of every source, each distinct target once; one result per (source, link). */
export async function checkLinks(sources: LinkSource[], deps: CheckerDeps): Promise<LinkResult[]> {
  const found = sources.flatMap((source) => targetsOf(source, deps).map((link) => ({ source, ...link })));
  const internal = new Map<string, LinkOutcome>();
  for (const path of new Set(found.flatMap(({ target }) => (target.internal ? [target.path] : [])))) internal.set(path, await checkInternal(path, deps));
  const externalUrls = [...new Set(found.flatMap(({ target }) => (target.internal ? [] : [target.url])))];
  const external = deps.external.enabled ? await checkExternalUrls(externalUrls, deps.external, deps.sleep ?? defaultSleep) : new Map<string, LinkOutcome>();
  return found.flatMap(({ source, raw, target }) => {
    const outcome = target.internal ? internal.get(target.path) : external.get(target.url);
    if (!outcome) return [];
    return [
      {
        sourceType: source.type,
        sourceId: source.id,
        sourceLabel: source.label.slice(0, 500),
        sourceUrl: source.url.slice(0, 1000),
        target: raw.slice(0, 2000),
        internal: target.internal,
        ...outcome,
      },
    ];
  });
}
