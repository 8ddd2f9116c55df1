// Editors' journey: sign in, change a home page box in the admin, see it on the home
// page. Visitors who are not staff, signed in or not, are sent to the admin login page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { E2E_EDITOR, E2E_MEMBER } from "./support/accounts.ts";

async function signIn(page: Page, account: { username: string; password: string }, next = "/admin/") {
  await page.goto(`/accounts/login/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username or email address").fill(account.username);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: /sign in/i }).click();
}

test("an anonymous visitor of the admin is sent to the admin login page", async ({ page }) => {
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/admin\/login\/\?next=\/admin\/$/);
  await expect(page.getByLabel("Username:")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "admin login page");
});

test("a signed-in member who is not staff is sent to the admin login page, which says so", async ({ page }) => {
  await signIn(page, E2E_MEMBER);
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/admin\/login\/\?next=\/admin\/$/);
  await expect(page.getByRole("alert")).toContainText(`You are authenticated as ${E2E_MEMBER.username}, but are not authorized to access this page.`);
});

test("an editor changes the home page jobs box and sees it on the home page", async ({ page }) => {
  await signIn(page, E2E_EDITOR);
  await expect(page).toHaveURL(/\/admin\/$/);
  await page
    .getByRole("link", { name: /^boxes$/i })
    .first()
    .click();
  // Not the introduction: home.spec.ts checks that box's seeded text in parallel.
  await page.getByRole("link", { name: "homepage-jobs", exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Content" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "admin box form");

  const sentence = `Python jobs board, checked at ${Date.now()}.`;
  await page.getByRole("textbox", { name: "Content" }).fill(sentence);
  await page
    .getByRole("button", { name: /^save$/i })
    .first()
    .click();
  await expect(page.getByRole("status").or(page.locator(".user-feedback")).first()).toContainText(/saved|changed|updated/i);

  await page.goto("/");
  await expect(page.getByText(sentence)).toBeVisible();
});
