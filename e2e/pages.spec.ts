// The editor's journey with CMS pages: write a page in Markdown in the admin, preview it,
// publish it, put it in the menu, then find it in the navigation and in search; and no
// serious accessibility problems on a CMS page or on the admin edit form.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { layout } from "./helpers/layout.ts";
import { createEditor, signInAsEditor, type Editor } from "./helpers/staff.ts";

let editor: Editor;
test.beforeAll(async () => {
  editor = await createEditor();
});

test("an editor writes, previews and publishes a page, then finds it in the menu and in search", async ({ page }) => {
  const slug = `snake-care-${randomBytes(3).toString("hex")}`;
  const title = `Snake care ${slug.slice(-6)}`;
  await signInAsEditor(page, editor);

  await page.goto("/admin/pages/page/add/");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Path").fill(`about/${slug}`);
  await page.getByLabel("Markup type").selectOption({ label: "Markdown" });
  await page.getByLabel("Content", { exact: true }).fill("## Feeding\n\nMice, *weekly*. Pythons molt monthly.");
  const preview = page.getByRole("region", { name: "Preview of content" });
  await expect(preview.getByRole("heading", { name: "Feeding" })).toBeVisible();

  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(preview.getByText("weekly")).toHaveJSProperty("tagName", "EM");
  await page.getByRole("button", { name: "Save and continue editing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was added" })).toContainText(`Page “${title}” was added.`);

  await page.goto(`/about/${slug}/`);
  await expect(page.getByText("This page is a draft")).toBeVisible();

  await page.goBack();
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/pages\/page\/$/);

  await page.goto("/admin/sitetree/treeitem/add/");
  await page.getByRole("combobox", { name: "Tree" }).selectOption({ label: "Python.org (main)" });
  await page.getByRole("combobox", { name: "Parent" }).selectOption({ label: "main: Python › About" });
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(`/about/${slug}/`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "was added" })).toContainText(`Menu item “Python › About › ${title}” was added.`);

  await page.goto(`/about/${slug}/`);
  const ui = layout(page);
  await expect(ui.main.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("This page is a draft")).toHaveCount(0);
  await ui.navLink("About").hover();
  await expect(ui.navLink(title)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByText(title)).toBeVisible();

  // Indexing runs in the background worker: ask again until the page is there.
  await expect(async () => {
    await page.goto(`/search/?q=${encodeURIComponent("molt monthly")}`);
    await expect(ui.main.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test("a CMS page and the page edit form have no serious accessibility problems", async ({ page }) => {
  await page.goto("/about/apps/");
  await expect(page.getByRole("heading", { level: 1, name: "Applications for Python" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "CMS page /about/apps/");

  await signInAsEditor(page, editor);
  await page.goto("/admin/pages/page/?q=about%2Fapps");
  await page.getByRole("link", { name: "Applications for Python", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Change page/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "admin page edit form");
});
