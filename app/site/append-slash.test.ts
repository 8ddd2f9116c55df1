// Django's APPEND_SLASH (CommonMiddleware) for every path, /api/ included: a slash-less
// path that has no route but whose slashed form has one answers 301 there, query kept,
// for any method; a path with a route of its own is never redirected.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createRouteMatcher } from "../core/http/route-match.ts";
import { useTestContext } from "../testing/deps.ts";
import { appendSlashLocation } from "./append-slash.ts";

const ctx = useTestContext();

const request = (path: string, init: RequestInit = {}) => ctx.app.request(path, init);

async function expectRedirect(path: string, location: string, init: RequestInit = {}) {
  const response = await request(path, init);
  expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(301);
  expect(response.headers.get("location"), path).toBe(location);
}

describe("APPEND_SLASH", () => {
  it("redirects site pages with 301 to the slashed path, keeping the query string", async () => {
    await expectRedirect("/downloads", "/downloads/");
    await expectRedirect("/downloads?os=mac&x=%C3%A9", "/downloads/?os=mac&x=%C3%A9");
    await expectRedirect("/accounts/login?next=/downloads/", "/accounts/login/?next=/downloads/");
    await expectRedirect("/search?q=python", "/search/?q=python");
    // A route pattern is enough (Django's is_valid_path), even if the page then 404s.
    await expectRedirect("/downloads/release/python-3.14.0", "/downloads/release/python-3.14.0/");
    await expectRedirect("/downloads", "/downloads/", { method: "HEAD" });
  });

  it("redirects /api/ paths too, for reads and writes", async () => {
    await expectRedirect("/api/v1", "/api/v1/");
    await expectRedirect("/api/v1/downloads/release?name=Python+3.14.0", "/api/v1/downloads/release/?name=Python+3.14.0");
    await expectRedirect("/api/v2/downloads/release?name=Python+3.14.0&format=json", "/api/v2/downloads/release/?name=Python+3.14.0&format=json");
    await expectRedirect("/api/v1/downloads/release/12", "/api/v1/downloads/release/12/");
    await expectRedirect("/api/v2/pages/page/12", "/api/v2/pages/page/12/");
    // Production Django redirects POSTs as well (it refuses them only under DEBUG), before
    // any authentication or CSRF check, since no view runs.
    await expectRedirect("/api/v1/downloads/release_file", "/api/v1/downloads/release_file/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expectRedirect("/api/v1/downloads/release_file?release=3", "/api/v1/downloads/release_file/?release=3", { method: "DELETE" });
  });

  it("redirects a form POST without its CSRF token, since no view would run", async () => {
    await expectRedirect("/accounts/login", "/accounts/login/", {
      method: "POST",
      body: "username=a&password=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    // With the slash, the view runs and the CSRF check applies.
    const checked = await request("/accounts/login/", { method: "POST", body: "username=a&password=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(checked.status).toBe(403);
  });

  it("never redirects a path that has a route as it is, even when that route answers 404", async () => {
    expect((await request("/robots.txt")).status).toBe(200);
    expect((await request("/downloads/feed.rss")).status).toBe(200);
    expect((await request("/humans.txt?x=1")).status).toBe(200);
    expect((await request("/static/no-such-file.css")).status).toBe(404);
    expect((await request("/media/no/such/file.png")).status).toBe(404);
    expect((await request("/_health")).status).toBe(200);
  });

  it("answers 404 when the slashed path has no route either", async () => {
    const page = await request("/no/such/place");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const api = await request("/api/v1/no-such-resource");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/json/);
    expect((await request("/robots.txt/")).status).toBe(404);
    expect((await request("/no/such/place.png")).status).toBe(404);
  });

  it("lets an editor redirect at the slash-less path win, as the redirect middleware runs first", async () => {
    await ctx.services.pages.saveRedirect({ input: { oldPath: "/downloads", newPath: "/elsewhere/" } });
    await expectRedirect("/downloads", "/elsewhere/");
  });
});

describe("appendSlashLocation", () => {
  // A route at //evil.example/ must not become a protocol-relative Location.
  const app = new Hono({ strict: true });
  app.get("/:host/", (c) => c.text("x"));
  app.get("//evil.example/", (c) => c.text("x"));
  const routeExists = createRouteMatcher(app);
  app.notFound((c) => c.text(appendSlashLocation(c, routeExists) ?? "none", 404));

  it("escapes leading slashes as Django's escape_leading_slashes", async () => {
    expect(await (await app.request("http://testserver//evil.example")).text()).toBe("/%2Fevil.example/");
    expect(await (await app.request("http://testserver/place?a=1")).text()).toBe("/place/?a=1");
    expect(await (await app.request("http://testserver/a/b")).text()).toBe("none");
  });
});
