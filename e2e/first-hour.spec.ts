// The editor's first hour (issue 14): the release form fits a 1280 px screen with three
// files, their slugs filled from the names; a page typed as /About/New-Page/ is saved at
// its normalised path, put into the About navigation from the page form and found in the
// sidebar. axe finds nothing serious on either form.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createDb } from "../app/core/db/client.ts";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { createEditor, e2eDatabaseUrl, signInAsEditor, type Editor } from "./helpers/staff.ts";

let editor: Editor;
test.beforeAll(async () => {
  editor = await createEditor();
});
test.use({ viewport: { width: 1280, height: 800 } });

async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "the page is no wider than the viewport").toBeLessThanOrEqual(innerWidth);
}

test("an editor adds a release with three files at 1280 px without scrolling sideways, the file slugs filled from the names", async ({ page }) => {
  test.slow(); // three cards filled one field at a time, and an axe run, on a shared machine
  const minor = 60 + (randomBytes(1)[0]! % 39);
  const patch = randomBytes(1)[0]!;
  const version = `3.${minor}.${patch}`;
  const compact = `3${minor}${patch}`;
  await signInAsEditor(page, editor);
  await page.goto("/admin/downloads/release/add/");
  await expectNoSidewaysScrolling(page);
  await expectNoSeriousA11yViolations(page, "admin release add form");

  // By role: the accessible name leaves out the required field's aria-hidden asterisk.
  const release = page.getByRole("group", { name: "Release details" });
  await release.getByRole("textbox", { name: "Name", exact: true }).fill(`Python ${version}`);
  await expect(release.getByRole("textbox", { name: "Slug", exact: true })).toHaveValue(`python-${compact}`);
  await page.getByLabel("Release page").selectOption({ index: 1 });

  const files = [
    { name: "XZ compressed source tarball", os: "Source release", file: `Python-${version}.tar.xz` },
    { name: "Windows installer (64-bit)", os: "Windows", file: `python-${version}-amd64.exe` },
    { name: "macOS 64-bit universal2 installer", os: "macOS", file: `python-${version}-macos11.pkg` },
  ];
  const slugOf = (name: string) =>
    `python-${compact}-${name
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")}`;
  const slugs = files.map((file) => slugOf(file.name));
  for (const [index, file] of files.entries()) {
    const card = page.getByRole("group", { name: `File ${index + 1}`, exact: true });
    await card.getByLabel("Name").fill(file.name);
    await card.getByLabel("Operating system").selectOption({ label: file.os });
    await card.getByLabel("URL", { exact: true }).fill(`https://www.python.org/ftp/python/${version}/${file.file}`);
    await expect(card.getByLabel("Slug")).toHaveValue(slugs[index]!);
    // Checksums and signatures wait in a fold; opening it keeps the page within the viewport.
    await card.getByText("Checksums and signature URLs").click();
    await card.getByLabel("SHA-256 sum").fill("ab".repeat(32));
  }
  await expectNoSidewaysScrolling(page);

  await page.getByRole("button", { name: "Save and continue editing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was added" })).toContainText(`Release “Python ${version}” was added.`);
  await expectNoSidewaysScrolling(page);
  // Stored files come back ordered by operating system; each kept the slug made from its name.
  const stored = await page.locator('input[name^="files-"][name$="-slug"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).filter(Boolean));
  expect(stored.sort()).toEqual(slugs.sort());
});

test("an editor creates a page typed as /About/New-Page/, sees the normalised path, adds it to the navigation from the same form and finds it in the sidebar", async ({ page }) => {
  // A retried run finds the page of the first attempt: start from none.
  const db = createDb(e2eDatabaseUrl(), { maxConnections: 1 });
  try {
    await db.navItem.deleteMany({ where: { url: "/about/new-page/" } });
    await db.page.deleteMany({ where: { path: "about/new-page" } });
  } finally {
    await db.$disconnect();
  }
  const title = `New page ${randomBytes(3).toString("hex")}`;
  await signInAsEditor(page, editor);
  await page.goto("/admin/pages/page/add/");
  await expectNoSidewaysScrolling(page);
  await expectNoSeriousA11yViolations(page, "admin page add form");

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Path").fill("/About/New-Page/");
  await page.getByLabel("Markup type").selectOption({ label: "Markdown" });
  await page.getByLabel("Content", { exact: true }).fill("A page made in the first hour.");
  await page.getByLabel("Published").check();
  await page.getByLabel("Show in the navigation under").selectOption({ label: "Python › About" });
  await page.getByRole("button", { name: "Save and continue editing" }).click();

  await expect(page.getByRole("status").filter({ hasText: "was added" })).toContainText(
    "The path “/About/New-Page/” was saved as “about/new-page” (the page is at /about/new-page/)",
  );
  await expect(page.getByLabel("Path")).toHaveValue("about/new-page");

  await page.goto("/about/new-page/");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sidebar = page.getByRole("complementary", { name: "About" });
  await expect(sidebar.getByRole("link", { name: title })).toHaveAttribute("href", "/about/new-page/");
});
