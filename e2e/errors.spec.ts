// Error answers: a missing page keeps the site layout (and stays accessible); a
// missing API resource answers RFC 9457 problem details.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { layout } from "./helpers/layout.ts";

test("an unknown page answers 404 inside the site layout", async ({ page }) => {
  const response = await page.goto("/this-page-does-not-exist/");
  expect(response?.status()).toBe(404);
  expect(response?.headers()["content-type"]).toContain("text/html");

  const ui = layout(page);
  await expect(ui.mainNav).toBeVisible();
  await expect(ui.navLink("Downloads")).toBeVisible();
  await expect(ui.footer).toBeVisible();
  await expect(ui.main).toBeVisible();
  await expect(ui.main.getByRole("heading", { level: 1 })).toBeVisible();

  await expectNoSeriousA11yViolations(page, "404 page");
});

test("an unknown API path answers 404 problem+json", async ({ request }) => {
  const response = await request.get("/api/nothing");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = (await response.json()) as { status?: number; title?: string };
  expect(body).toMatchObject({ status: 404, title: "Not Found" });
});
