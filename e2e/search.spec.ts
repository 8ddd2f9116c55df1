// A visitor searches from the header: results come highlighted, facets narrow them,
// and the page passes the accessibility check in light and dark schemes.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";

test("a visitor searches from the header and narrows the results to releases", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("search").first();
  await search.getByRole("searchbox").fill("python");
  await search.getByRole("button").click();
  await expect(page).toHaveURL(/\/search\/\?q=python$/);
  await expect(page.getByRole("status")).toContainText(/results for “python”/);
  await expect(page.locator(".search-hits mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "search results");

  await page
    .getByRole("navigation", { name: "Result types" })
    .getByRole("link", { name: /^Releases/ })
    .click();
  await expect(page).toHaveURL(/type=release/);
  await expect(page.getByRole("link", { name: /Python 3\.14\.0/ }).first()).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page, "search results (dark)");
});

test("an over-long query gets a clear message, not an error page", async ({ page }) => {
  const response = await page.goto(`/search/?q=${"x".repeat(600)}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText("Search for at most 500 characters.");
});
