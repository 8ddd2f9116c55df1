// The admin's sign-in, as Django's AdminSite: /admin/login/ is a staff-only login form,
// and every admin page sends anyone who is not staff there (302 with next), signed in or not.
import { describe, expect, it } from "vitest";
import { createTestUser, formPost, responseCookie, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { ADMIN_LOGIN_FAILED } from "./admin-login.ts";

const ctx = useTestContext();
const get = (path: string, cookie?: string) => ctx.app.request(path, cookie ? { headers: { cookie } } : {});
const adminLogin = (fields: Record<string, string>, cookie?: string) => ctx.app.request("/admin/login/", formPost(ctx, fields, { cookie }));

describe("admin pages for people who are not staff", () => {
  it("send anonymous visitors to /admin/login/ with the full path as next", async () => {
    for (const [path, next] of [
      ["/admin/", "/admin/"],
      ["/admin/boxes/box/", "/admin/boxes/box/"],
      ["/admin/boxes/box/?q=a%20b&o=1", "/admin/boxes/box/%3Fq%3Da%2520b%26o%3D1"],
    ]) {
      const response = await get(path!);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/admin/login/?next=${next}`);
    }
  });

  it("send a signed-in user who is not staff to /admin/login/ too, not a 403", async () => {
    const member = await createTestUser(ctx, { username: "member" });
    const cookie = await signIn(ctx, member.id);
    const response = await get("/admin/", cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/login/?next=/admin/");
    const page = await get("/admin/login/?next=/admin/", cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You are authenticated as member, but are not authorized to access this page. Would you like to login to a different account?");
    expect(html).toContain('action="/admin/login/"');
    expect(html).toContain('name="next" value="/admin/"');
  });

  it("leave a bare /admin to APPEND_SLASH", async () => {
    const response = await get("/admin");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/admin/");
  });
});

describe("/admin/login/", () => {
  it("shows the staff login form to anonymous visitors, with /admin/ as the default next", async () => {
    const response = await get("/admin/login/");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("private");
    const html = await response.text();
    expect(html).toContain("<title>Log in | Python.org admin</title>");
    expect(html).toContain('name="next" value="/admin/"');
    expect(html).not.toContain("You are authenticated as");
    expect(await (await get("/admin/login/?next=//evil.example")).text()).toContain('name="next" value="/admin/"');
  });

  it("sends signed-in staff straight to the admin index, whatever next says", async () => {
    const editor = await createTestUser(ctx, { isStaff: true });
    const response = await get("/admin/login/?next=/admin/boxes/box/", await signIn(ctx, editor.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/");
  });

  it("signs staff in and goes to a safe next, else to /admin/", async () => {
    const editor = await createTestUser(ctx, { isStaff: true });
    const response = await adminLogin({ username: editor.username, password: editor.password, next: "/admin/boxes/box/" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/boxes/box/");
    const cookie = `sessionid=${responseCookie(response, "sessionid")!.value}`;
    expect((await get("/admin/", cookie)).status).toBe(200);
    const evil = await adminLogin({ username: editor.username, password: editor.password, next: "/.//evil.example" });
    expect(evil.headers.get("location")).toBe("/admin/");
  });

  it("refuses accounts that are not staff with Django's message, and starts no session", async () => {
    const member = await createTestUser(ctx);
    const response = await adminLogin({ username: member.username, password: member.password });
    expect(response.status).toBe(422);
    expect(responseCookie(response, "sessionid")).toBeUndefined();
    expect(await response.text()).toContain(ADMIN_LOGIN_FAILED);
    const wrong = await adminLogin({ username: "nobody", password: "wrong password" });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.");
  });

  it("refuses a form without the CSRF token", async () => {
    const response = await ctx.app.request("/admin/login/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=a&password=b" });
    expect(response.status).toBe(403);
  });
});
