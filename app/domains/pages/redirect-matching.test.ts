// Editor redirects matched as django.contrib.redirects' RedirectFallbackMiddleware does:
// by `request.get_full_path()`, the path plus the query string when there is one, then the
// same with a slash appended before the query. A query never falls back to the bare path.
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { redirectCandidates } from "./service/redirects.ts";

const ctx = useTestContext();
const get = (path: string) => ctx.app.request(path);
const save = (oldPath: string, newPath: string) => ctx.services.pages.saveRedirect({ input: { oldPath, newPath } });

describe("redirect matching with a query string", () => {
  it("does not match a row stored without a query when the request has one", async () => {
    await save("/old/", "/new/");
    expect((await get("/old/")).status).toBe(301);
    expect((await get("/old/?utm_source=x")).status).toBe(404);
    expect((await get("/old?utm_source=x")).status).toBe(404);
  });

  it("matches a row stored with a query only for exactly that query", async () => {
    await save("/index.php?page=about", "/about/");
    await save("/legacy/?id=7", "");
    const hit = await get("/index.php?page=about");
    expect(hit.status).toBe(301);
    expect(hit.headers.get("location")).toBe("/about/");
    expect((await get("/index.php?page=other")).status).toBe(404);
    expect((await get("/index.php?page=about&x=1")).status).toBe(404);
    expect((await get("/index.php")).status).toBe(404);
    expect((await get("/legacy/?id=7")).status).toBe(410);
    // The slash is appended before the query, as get_full_path(force_append_slash=True).
    expect((await get("/legacy?id=7")).status).toBe(410);
  });

  it("treats a bare `?` as no query string, and does not forward the query to the target", async () => {
    await save("/old/", "/new/");
    const bare = await get("/old/?");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/new/");
  });

  it("tries the full path first, then the slash-appended one", () => {
    expect(redirectCandidates({ path: "/a", rawPath: "/a", search: "?q=1" })).toEqual(["/a?q=1", "/a/?q=1"]);
    expect(redirectCandidates({ path: "/a/", rawPath: "/a/", search: "" })).toEqual(["/a/"]);
    expect(redirectCandidates({ path: "/ü", rawPath: "/%C3%BC", search: "?x" })).toEqual(["/ü?x", "/%C3%BC?x", "/ü/?x", "/%C3%BC/?x"]);
  });
});
