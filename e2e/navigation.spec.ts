// Keyboard and pointer navigation of the layout (templates/base.njk, static/js/site.js,
// static/css/site.css): the skip link, the main-nav dropdowns with and without
// JavaScript, and the small-screen "Menu" disclosure.
import { expect, test, type Page } from "@playwright/test";
import { focusIsWithin, tabUntilFocused } from "./helpers/keyboard.ts";
import { layout, MAIN_NAV_ITEMS } from "./helpers/layout.ts";

/** The Downloads item of the desktop bar: its link, a child link and its dropdown list. */
function downloadsMenu(page: Page) {
  const ui = layout(page);
  // Locators inside `has` are relative to the candidate element, hence page.getByRole.
  const hasLink = (name: string) => ({ has: page.getByRole("link", { name, exact: true }) });
  const item = ui.mainNav.getByRole("listitem").filter(hasLink("Downloads"));
  return {
    link: ui.navLink("Downloads"),
    windows: ui.navLink("Windows"),
    // The child links' list; the first Tab after the top link must land in it.
    submenu: item.getByRole("list").filter(hasLink("Windows")),
  };
}

test.describe("with JavaScript", () => {
  test("the skip link comes first, shows when focused and moves focus to the content", async ({ page }) => {
    await page.goto("/");
    const { skipLink } = layout(page);
    await page.keyboard.press("Tab");
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();
    await expect(skipLink).toBeInViewport({ ratio: 1 });
    const box = await skipLink.boundingBox();
    expect(box?.width ?? 0, "focused skip link has a readable size").toBeGreaterThan(40);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#content$/);
    await expect(page.locator("#content")).toBeFocused();
  });

  test("Tab opens the Downloads dropdown, walks into it, and Escape closes it", async ({ page }) => {
    await page.goto("/");
    const downloads = downloadsMenu(page);
    await expect(downloads.windows).toBeHidden();

    await tabUntilFocused(page, downloads.link);
    await expect(downloads.windows).toBeVisible();

    await page.keyboard.press("Tab");
    await expect.poll(() => focusIsWithin(downloads.submenu), { message: "focus moved into the Downloads dropdown" }).toBe(true);
    await expect(downloads.windows).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(downloads.windows).toBeHidden();
    await expect(downloads.link).toBeFocused();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("hovering a main-nav item opens its dropdown", async ({ page }) => {
    await page.goto("/");
    const downloads = downloadsMenu(page);
    await expect(downloads.windows).toBeHidden();
    await downloads.link.hover();
    await expect(downloads.windows).toBeVisible();
  });

  test("keyboard focus opens a dropdown", async ({ page }) => {
    await page.goto("/");
    const downloads = downloadsMenu(page);
    await tabUntilFocused(page, downloads.link);
    await expect(downloads.windows).toBeVisible();
    await page.keyboard.press("Tab");
    await expect.poll(() => focusIsWithin(downloads.submenu)).toBe(true);
  });

  test("on a 375px screen the Menu disclosure shows the navigation", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/");
    const ui = layout(page);
    const menu = page.getByRole("banner").getByText("Menu", { exact: true });
    await expect(menu).toBeVisible();
    await expect(ui.mainNav).toBeHidden();

    await menu.click();
    await expect(ui.mainNav).toBeVisible();
    for (const title of MAIN_NAV_ITEMS) await expect(ui.navLink(title)).toBeVisible();
    await expect(ui.navLink("Downloads")).toBeInViewport();
  });
});
