// The python.org look (issue 14, item 7): six footer columns on a wide screen, the PSF
// colourway and network-bar mark on the PSF's pages, a hint under tables that scroll
// sideways on a phone, and zebra rows shaded edge to edge in the dark scheme.
import { expect, test } from "@playwright/test";

test("the footer site map has six columns from 940 px, as on python.org", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const columns = await page.locator(".sitemap-columns").evaluate((element) => getComputedStyle(element).columnCount);
  expect(columns).toBe("6");
});

test("the PSF landing page wears the PSF grey and marks PSF in the network bar", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/psf-landing/");
  const bar = page.getByRole("navigation", { name: "The Python Network" });
  await expect(bar.getByRole("link", { name: "PSF", exact: true })).toHaveAttribute("aria-current", /page|true/);
  await expect(bar.getByRole("link", { name: "Python", exact: true })).not.toHaveAttribute("aria-current", /.*/);
  const navBackground = await page
    .locator(".nav-list")
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundImage);
  expect(navBackground).toContain("rgb(107, 108, 109)");
});

test("a wide table on a 390 px screen scrolls inside its box and says so", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/downloads/release/python-3140/");
  const box = page.locator(".table-scroll").filter({ has: page.locator("table.release-files") });
  await expect(box).toHaveClass(/is-overflowing/);
  await expect(box).toHaveAttribute("tabindex", "0");
  await expect(page.getByText("Scroll the table sideways to see all its columns.")).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test("in the dark scheme a zebra row is one shade edge to edge, row header included", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/downloads/");
  const row = page.getByRole("table", { name: "Active Python releases" }).locator("tbody tr:nth-child(2)");
  const shades = await row.locator("th, td").evaluateAll((cells) => [...new Set(cells.map((cell) => getComputedStyle(cell).backgroundColor))]);
  expect(shades).toHaveLength(1);
  expect(shades[0]).not.toBe("rgba(0, 0, 0, 0)");
});
