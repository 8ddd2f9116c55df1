// The link checker's pure parts: finding links, classifying them, and the polite external
// policy (HEAD then GET, timeouts, one host at a time with a pause, each URL once).
import { describe, expect, it } from "vitest";
import { checkLinks, type CheckerDeps, type LinkSource } from "./link-checker.ts";
import { classifyLink, extractLinks } from "./link-extract.ts";

const site = { basePath: "/about/", siteOrigin: "http://testserver", ownHosts: ["www.python.org", "python.org"] };

describe("finding links", () => {
  it("reads href and src values once each, entities decoded", () => {
    expect(extractLinks('<a href="/a/?x=1&amp;y=2">a</a> <img src=\'/i.png\'> <a href="/a/?x=1&amp;y=2">again</a> <a href=#top>t</a>')).toEqual(["/a/?x=1&y=2", "/i.png", "#top"]);
  });

  it("treats site paths, relative links and our own hosts as internal; skips mailto, fragments and scripts", () => {
    expect(classifyLink("/downloads/", site)).toEqual({ internal: true, path: "/downloads/" });
    expect(classifyLink("comingsoon", site)).toEqual({ internal: true, path: "/about/comingsoon" });
    expect(classifyLink("https://www.python.org/psf/#x", site)).toEqual({ internal: true, path: "/psf/" });
    expect(classifyLink("https://docs.python.org/3/", site)).toEqual({ internal: false, url: "https://docs.python.org/3/" });
    expect(classifyLink("//pypi.org/", site)).toEqual({ internal: false, url: "http://pypi.org/" });
    for (const skipped of ["mailto:psf@python.org", "#top", "javascript:alert(1)", "ftp://ftp.python.org/"]) expect(classifyLink(skipped, site)).toBeNull();
  });
});

function fakeNetwork(answers: Record<string, Array<number | "timeout">>) {
  const calls: string[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const key = String(url);
    calls.push(`${init?.method} ${key}`);
    const next = answers[key]?.shift() ?? 200;
    if (next === "timeout") throw Object.assign(new Error("timed out"), { name: "TimeoutError" });
    return new Response(null, { status: next });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function deps(network: ReturnType<typeof fakeNetwork>, sleeps: number[], enabled = true): CheckerDeps {
  return {
    siteUrl: "http://testserver",
    ownHosts: ["www.python.org"],
    dispatch: async (request) => {
      const path = new URL(request.url).pathname;
      if (path === "/moved/") return new Response(null, { status: 301, headers: { location: "/target/" } });
      return new Response("x", { status: path === "/missing/" ? 404 : 200 });
    },
    external: { enabled, fetch: network.fetch, timeoutMs: 50, perHostDelayMs: 1000, concurrency: 2, maxUrls: 100, userAgent: "test" },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

const source = (links: string[]): LinkSource => ({
  type: "page",
  id: 1,
  label: "A page",
  url: "/a/",
  basePath: "/a/",
  html: links.map((href) => `<a href="${href}">x</a>`).join(""),
});

describe("checking", () => {
  it("asks the app about internal links, following internal redirects", async () => {
    const results = await checkLinks([source(["/missing/", "/moved/", "/fine/"])], deps(fakeNetwork({}), []));
    expect(results.map((result) => [result.target, result.ok, result.status])).toEqual([
      ["/missing/", false, 404],
      ["/moved/", true, 200],
      ["/fine/", true, 200],
    ]);
  });

  it("tries GET when HEAD is refused, reports timeouts, and checks each URL once with a pause per host", async () => {
    const network = fakeNetwork({ "https://a.example/1": [405, 200], "https://a.example/2": ["timeout"], "https://b.example/": [404, 404] });
    const sleeps: number[] = [];
    const links = ["https://a.example/1", "https://a.example/2", "https://b.example/", "https://a.example/1"];
    const results = await checkLinks([source(links), { ...source(links), id: 2 }], deps(network, sleeps));
    expect(network.calls.filter((call) => call.endsWith("a.example/1"))).toEqual(["HEAD https://a.example/1", "GET https://a.example/1"]);
    expect(network.calls.filter((call) => call.endsWith("b.example/"))).toEqual(["HEAD https://b.example/"]);
    expect(sleeps).toEqual([1000]);
    const outcome = (target: string) => results.find((result) => result.target === target && result.sourceId === 1);
    expect(outcome("https://a.example/1")).toMatchObject({ ok: true, status: 200 });
    expect(outcome("https://a.example/2")).toMatchObject({ ok: false, status: null, error: "No answer within 50 ms" });
    expect(outcome("https://b.example/")).toMatchObject({ ok: false, status: 404, error: "HTTP 404" });
    expect(results).toHaveLength(6);
  });

  it("leaves external links alone when disabled", async () => {
    const network = fakeNetwork({});
    const results = await checkLinks([source(["https://a.example/", "/fine/"])], deps(network, [], false));
    expect(network.calls).toEqual([]);
    expect(results.map((result) => result.target)).toEqual(["/fine/"]);
  });
});
