// The job board journey: a company posts a job, previews it and submits it for review; a
// member of the "Job Board Admin" group (not staff) approves it from the review queue; it
// then shows on /jobs/ and in the RSS feed. Every page on the way passes axe.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../app/core/auth/passwords.ts";
import { createDb } from "../app/core/db/client.ts";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { e2eDatabaseUrl } from "./helpers/staff.ts";

interface Account {
  username: string;
  password: string;
}

/** A user written straight into the e2e database, in the given groups. */
async function createAccount(groups: string[] = []): Promise<Account> {
  const account = { username: `jobs-${randomBytes(4).toString("hex")}`, password: randomBytes(12).toString("base64url") };
  const db = createDb(e2eDatabaseUrl(), { maxConnections: 1 });
  try {
    const user = await db.user.create({ data: { username: account.username, password: await hashPassword(account.password), email: `${account.username}@example.com` } });
    for (const name of groups) {
      const group = await db.group.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
      await db.userGroup.create({ data: { userId: user.id, groupId: group.id } });
    }
  } finally {
    await db.$disconnect();
  }
  return account;
}

async function signIn(page: Page, account: Account, next: string): Promise<void> {
  await page.goto(`/accounts/login/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username or email address").fill(account.username);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replaceAll("/", "\\/")}$`));
}

test("the job board lists the seeded jobs and passes axe", async ({ page }) => {
  await page.goto("/jobs/");
  await expect(page.getByRole("heading", { level: 1, name: "Python Job Board" })).toBeVisible();
  await expect(page.getByText(/\d+ jobs? on the Python Job Board/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "job list");
  await page.getByRole("navigation", { name: "Jobs" }).getByRole("link", { name: "Types" }).click();
  await expect(page).toHaveURL(/\/jobs\/types\/$/);
  await expectNoSeriousA11yViolations(page, "job types");
});

test("a company posts a job, a job board admin approves it, and it shows in the list and the feed", async ({ browser }) => {
  // Three people, six pages checked by axe: more than the default budget on a shared machine.
  test.setTimeout(120_000);
  const title = `Python Engineer ${randomBytes(3).toString("hex")}`;
  const company = await createAccount();
  const reviewer = await createAccount(["Job Board Admin"]);

  const companyPage = await (await browser.newContext()).newPage();
  await signIn(companyPage, company, "/jobs/create/");
  await expectNoSeriousA11yViolations(companyPage, "job form");
  // Saving an empty form shows the errors in place.
  await companyPage.getByRole("button", { name: "Save and preview" }).click();
  await expect(companyPage.getByRole("alert")).toContainText("Please correct the errors below.");
  await expectNoSeriousA11yViolations(companyPage, "job form with errors");

  await companyPage.getByLabel("Job title").fill(title);
  await companyPage.getByLabel("Company name").fill("Journey Corp");
  await companyPage.getByLabel("Category").selectOption({ label: "Web Development" });
  await companyPage.getByLabel("Full Time").check();
  await companyPage.getByLabel("Job description").fill("Build **web** services in Python.");
  await companyPage.getByLabel("Job requirements").fill("- Django\n- Tests");
  await companyPage.getByLabel("City").fill("Lisbon");
  await companyPage.getByLabel("Country").fill("Portugal");
  await companyPage.getByLabel("Contact email").fill("careers@journey.example");
  await companyPage.getByRole("button", { name: "Save and preview" }).click();

  await expect(companyPage).toHaveURL(/\/jobs\/\d+\/preview\/$/);
  await expect(companyPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(companyPage.locator(".job-description strong")).toHaveText("web");
  await expectNoSeriousA11yViolations(companyPage, "job preview");
  await companyPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(companyPage).toHaveURL(/\/jobs\/thanks\/$/);
  await expect(companyPage.getByRole("heading", { name: "Thank you for your submission" })).toBeVisible();

  // Not listed while in review.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/jobs/");
  await expect(anonymous.getByRole("link", { name: title })).toHaveCount(0);

  const reviewerPage = await (await browser.newContext()).newPage();
  await signIn(reviewerPage, reviewer, "/jobs/review/");
  await expect(reviewerPage.getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(reviewerPage, "review queue");
  await reviewerPage.getByRole("button", { name: `Approve ${title}` }).click();
  await expect(reviewerPage).toHaveURL(/\/jobs\/review\/$/);
  await expect(reviewerPage.getByRole("status")).toContainText(`'${title}' approved.`);

  // A new visitor: the first one's browser may keep its copy of /jobs/ for five minutes (public, max-age=300).
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/jobs/");
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor).toHaveURL(/\/jobs\/\d+\/$/);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, "job detail");

  const feed = await visitor.request.get("/jobs/feed/rss/");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`${title}, Journey Corp`);
});
