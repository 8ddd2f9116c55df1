// The demo menu tree reproduces the layout's built-in navigation, so a seeded machine
// looks the same whether the menus come from the constants or from the database.
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { DEMO_PAGES, seedPagesDemo } from "./seed.ts";

const ctx = useTestContext();

/** The layout's menus, with the markup that differs between sources removed. */
async function menus(): Promise<string> {
  const html = await (await ctx.app.request("/")).text();
  const network = html.slice(html.indexOf('class="network-bar"'), html.indexOf("</nav>", html.indexOf('class="network-bar"')));
  const main = html.slice(html.indexOf('id="mainnav"'), html.indexOf("</nav>", html.indexOf('id="mainnav"')));
  const footer = html.slice(html.indexOf('class="sitemap"'), html.indexOf("</nav>", html.indexOf('class="sitemap"')));
  return [network, main, footer].join("\n");
}

describe("demo navigation and pages", () => {
  it("matches the built-in navigation, links to real pages, and writes nothing the second time", async () => {
    const builtIn = await menus();
    expect(await seedPagesDemo(ctx.services.pages)).toMatchObject({ pages: DEMO_PAGES.length });
    expect(await menus()).toBe(builtIn);
    expect((await ctx.app.request("/about/apps/")).status).toBe(200);
    const psf = await (await ctx.app.request("/psf/mission/")).text();
    expect(psf).toContain('<span aria-current="page">Mission statement</span>');
    expect(await seedPagesDemo(ctx.services.pages)).toEqual({ navItems: 0, pages: 0 });
  });
});
