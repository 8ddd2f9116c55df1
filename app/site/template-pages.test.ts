// Legacy urls.md §2 and §14: the account fragment, the template pages no domain owns,
// and the 404 page's pointer to legacy.python.org.
import { describe, expect, it } from "vitest";
import { signInAs } from "../testing/admin.ts";
import { findHtmlProblems } from "../testing/html-structure.ts";
import { createTestUser, signIn } from "../testing/auth.ts";
import { useTestContext } from "../testing/deps.ts";

const ctx = useTestContext();

describe("/authenticated", () => {
  it("offers Sign In to a visitor, as a fragment the CDN never shares", async () => {
    const response = await ctx.app.request("/authenticated");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const html = await response.text();
    expect(html).not.toContain("<html");
    expect(html).toContain('<a href="/accounts/login/" title="Sign In to Python.org">Sign In</a>');
    expect(html).not.toContain("account-signin-authenticated");
  });

  it("shows a signed-in user their account menu with sign-out, and the admin to staff", async () => {
    const member = await createTestUser(ctx, { username: "grace" });
    const html = await (await ctx.app.request("/authenticated", { headers: { cookie: await signIn(ctx, member.id) } })).text();
    expect(html).toContain("account-signin-authenticated");
    expect(html).toContain("Your account: grace");
    expect(html).toMatch(/<form action="\/accounts\/logout\/" method="post">\s*<input type="hidden" name="csrf_token" value="[^"]+">/);
    expect(html).not.toContain('href="/admin/"');

    const staff = await signInAs(ctx, { username: "editor" });
    expect(await (await ctx.app.request("/authenticated", { headers: { cookie: staff.cookie } })).text()).toContain('<a href="/admin/">Admin</a>');
  });

  it("has no slash form (legacy answers /authenticated only)", async () => {
    expect((await ctx.app.request("/authenticated/")).status).toBe(404);
  });
});

describe("template pages", () => {
  it("/shell/ is the home page with the console from console.python.org", async () => {
    await ctx.registry.seed();
    const response = await ctx.app.request("/shell/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<body class="python home shell-active">');
    expect(html).toContain('src="https://console.python.org/python-dot-org-console/"');
    // The enforced CSP lets that frame load.
    expect(response.headers.get("content-security-policy")).toMatch(/frame-src 'self' https:\/\/console\.python\.org/);
    // The console takes the place of the samples and introduction (as legacy); the widgets stay.
    expect(html).not.toContain("Python is a programming language that lets you work quickly");
    expect(html).toContain('<div class="small-widget');
    expect(findHtmlProblems(html)).toEqual([]);
  });

  it("/inner/ is the style guide's inner page with headings, lists and a sidebar", async () => {
    const response = await ctx.app.request("/inner/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<body class="python inner">');
    for (const tag of ["<h1>", "<h2>", "<h3>", "<h4>", "<blockquote>", "<pre>", "<del>", "<ins>"]) expect(html).toContain(tag);
    expect(html).toContain('<aside class="sidebar" aria-label="Section navigation">');
    expect(findHtmlProblems(html)).toEqual([]);
  });

  it.each([
    ["/docs-landing/", "docs", "https://docs.python.org/"],
    ["/pypl-landing/", "pypl", "https://pypi.org/"],
    ["/shop-landing/", "shop", "/psf-landing/"],
  ])("%s is a small landing in its section's colourway", async (path, bodyClass, link) => {
    const response = await ctx.app.request(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<body class="${bodyClass}">`);
    expect(html).toContain(`href="${link}"`);
    expect(findHtmlProblems(html)).toEqual([]);
  });
});

describe("404 page", () => {
  it("suggests the same path on legacy.python.org", async () => {
    const response = await ctx.app.request("/some/old/page.html");
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("max-age=300");
    expect(await response.text()).toContain('<a href="http://legacy.python.org/some/old/page.html">');
  });
});
