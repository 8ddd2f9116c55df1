// Regression tests of issue 15, items 1, 5 and 8: what the outside probe found answering
// 500, storing javascript: links, or letting the browser keep signed-in pages.
import { describe, expect, it } from "vitest";
import { signInAs } from "../testing/admin.ts";
import { createTestUser, signIn } from "../testing/auth.ts";
import { useTestContext } from "../testing/deps.ts";

const ctx = useTestContext();

describe("control characters in the first path segment", () => {
  for (const path of ["/%00/", "/%0d%0aX:%201/", "/%01abc/", "/a%20b/", "/%7f/"]) {
    it(`answers ${path} with a 404 page and only safe surrogate keys`, async () => {
      const response = await ctx.app.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("Surrogate-Key")).toMatch(/^[A-Za-z0-9._~-]+( [A-Za-z0-9._~-]+)*$/);
      expect(response.headers.get("X")).toBeNull();
      expect(await response.text()).toContain("Error 404");
    });
  }

  it("keeps the section key of an ordinary path", async () => {
    const response = await ctx.app.request("/downloads/");
    expect(response.headers.get("Surrogate-Key")?.split(" ")).toEqual(expect.arrayContaining(["pydotorg-app", "downloads"]));
  });
});

describe("numbers beyond PostgreSQL integer", () => {
  it("answers tastypie offsets beyond any table with 400, as for any other bad offset", async () => {
    for (const path of ["/api/v1/downloads/release/?offset=99999999999999999999", "/api/v1/pages/page/?offset=2147483648"]) {
      const response = await ctx.app.request(path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(await response.json()).toEqual({ error: expect.stringContaining("Invalid offset") });
    }
    expect((await ctx.app.request("/api/v1/downloads/release/?offset=2147483647")).status).toBe(200);
  });
});

describe("Cache-Control of signed-in and admin responses", () => {
  it("is private, no-store for signed-in pages and admin pages; anonymous pages stay public", async () => {
    const user = await createTestUser(ctx);
    const staff = await signInAs(ctx, { isSuperuser: true });
    const cookie = await signIn(ctx, user.id);
    expect((await ctx.app.request("/downloads/", { headers: { cookie } })).headers.get("Cache-Control")).toBe("private, no-store");
    for (const path of ["/admin/", "/admin/downloads/release/"]) {
      const response = await ctx.app.request(path, { headers: { cookie: staff.cookie } });
      expect([path, response.status, response.headers.get("Cache-Control")]).toEqual([path, 200, "private, no-store"]);
    }
    const login = await ctx.app.request("/admin/login/");
    expect(login.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await ctx.app.request("/downloads/")).headers.get("Cache-Control")).toBe("public, max-age=300");
  });
});
