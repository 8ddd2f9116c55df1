// The home page: the python.org layout, the seeded demo boxes, and no serious
// accessibility problems in either colour scheme.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { layout, MAIN_NAV_ITEMS, NETWORK_SITES } from "./helpers/layout.ts";

test.describe("home page", () => {
  test("renders the python.org layout", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Welcome to Python.org");

    const ui = layout(page);
    await expect(ui.skipLink).toBeAttached();
    await expect(ui.skipLink).toHaveAttribute("href", "#content");

    await expect(ui.networkBar.getByRole("link")).toHaveText(NETWORK_SITES);

    await expect(ui.search).toBeVisible();
    await expect(ui.search.getByRole("searchbox", { name: "Search Python.org" })).toBeVisible();
    await expect(ui.search.getByRole("button", { name: "GO" })).toBeVisible();

    await expect(ui.mainNav).toBeVisible();
    for (const title of MAIN_NAV_ITEMS) await expect(ui.navLink(title)).toBeVisible();
    // Dropdowns stay closed until hovered or focused.
    await expect(ui.navLink("Windows")).toBeHidden();

    await expect(ui.footer).toBeVisible();
    await expect(ui.siteMap.getByRole("link", { name: "Contributing", exact: true })).toBeVisible();
    await expect(ui.footer.getByRole("link", { name: "Python Software Foundation" })).toBeVisible();
  });

  test("shows the seeded content", async ({ page }) => {
    await page.goto("/");
    const main = layout(page).main;
    // The introduction box sits in the header banner, above <main>.
    await expect(page.getByText("Python is a programming language that lets you work quickly")).toBeVisible();
    await expect(main.getByRole("heading", { name: "Get Started" })).toBeVisible();
    await expect(main.getByRole("link", { name: "Python 3.14.0" })).toBeVisible();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expect(layout(page).main).toBeVisible();
      await expectNoSeriousA11yViolations(page, `/ (${colorScheme})`);
    });
  }
});
