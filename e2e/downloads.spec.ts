// The journey "visitor downloads the latest Python for their OS": /downloads/ offers the
// visitor's system first (Windows, macOS, Linux → source), the file downloads, the release
// page lists every file, and nothing there has serious accessibility problems. Downloads
// point at www.python.org, which is answered here with a stand-in file.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y.ts";
import { layout } from "./helpers/layout.ts";

const CHROME = "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

const VISITORS = [
  {
    system: "Windows",
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${CHROME}`,
    heading: "Download the latest version for Windows",
    button: "Download Python install manager",
    buttonFile: "python-manager-25.0.msix",
    // Windows offers the install manager first and the standalone installer next to it.
    link: "Python 3.14.0",
    file: "python-3.14.0-amd64.exe",
  },
  {
    system: "macOS",
    userAgent: `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ${CHROME}`,
    heading: "Download the latest version for macOS",
    button: "Download Python 3.14.0",
    buttonFile: "python-3.14.0-macos11.pkg",
    link: null,
    file: "python-3.14.0-macos11.pkg",
  },
  {
    system: "Linux",
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) ${CHROME}`,
    heading: "Download the latest source release",
    button: "Download Python 3.14.0",
    buttonFile: "Python-3.14.0.tar.xz",
    link: null,
    file: "Python-3.14.0.tar.xz",
  },
];

/** Answers every www.python.org download with a small file named after the URL. */
async function serveDownloads(page: Page): Promise<void> {
  await page.route("https://www.python.org/ftp/**", (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop()!;
    return route.fulfill({
      status: 200,
      headers: { "Content-Type": "application/octet-stream", "Content-Disposition": `attachment; filename="${name}"` },
      body: `stand-in for ${name}`,
    });
  });
}

for (const visitor of VISITORS) {
  test.describe(`visitor on ${visitor.system}`, () => {
    test.use({ userAgent: visitor.userAgent });

    test(`downloads the latest Python for ${visitor.system}`, async ({ page }) => {
      await serveDownloads(page);
      const response = await page.goto("/downloads/");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle("Download Python | Python.org");

      const banner = page.getByRole("banner");
      await expect(banner.getByRole("heading", { level: 1, name: visitor.heading })).toBeVisible();
      await expect(banner.getByRole("heading", { level: 1, name: "Download the latest version of Python" })).toBeHidden();
      const button = banner.getByRole("link", { name: visitor.button, exact: true });
      await expect(button).toBeVisible();
      await expect(button).toHaveAttribute("href", new RegExp(`/${visitor.buttonFile.replaceAll(".", "\\.")}$`));

      const target = visitor.link ? banner.getByRole("link", { name: visitor.link, exact: true }) : button;
      const [download] = await Promise.all([page.waitForEvent("download"), target.click()]);
      expect(download.suggestedFilename()).toBe(visitor.file);

      await expectNoSeriousA11yViolations(page, `/downloads/ (${visitor.system})`);
    });
  });
}

test.describe("release page", () => {
  test("lists every file of the latest release with checksums and signatures", async ({ page }) => {
    await page.goto("/downloads/");
    await layout(page).main.getByRole("link", { name: "Python 3.14.0", exact: true }).click();
    await expect(page).toHaveURL(/\/downloads\/release\/python-3140\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Python 3.14.0" })).toBeVisible();
    const files = page.getByRole("table", { name: "Files of Python 3.14.0" });
    await expect(files.getByRole("link", { name: "XZ compressed source tarball", exact: true })).toBeVisible();
    await expect(files.getByRole("columnheader", { name: "SHA-256 checksum" })).toBeVisible();
    await expect(files.getByRole("button", { name: /Copy the checksum of Windows installer \(64-bit\)/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/downloads/release/python-3140/");
  });

  test("works without JavaScript: the generic download button leads to the latest release", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/getit/");
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("heading", { level: 1, name: "Download the latest version of Python" })).toBeVisible();
    await banner.getByRole("link", { name: "Download Python 3.14.0" }).click();
    await expect(page).toHaveURL(/\/downloads\/release\/python-3140\/$/);
    await context.close();
  });

  test("the latest redirect lands on the newest release", async ({ page }) => {
    await page.goto("/downloads/latest/python3/");
    await expect(page).toHaveURL(/\/downloads\/release\/python-3140\/$/);
    await page.goto("/downloads/latest/prerelease");
    await expect(page).toHaveURL(/\/downloads\/release\/python-3150a1\/$/);
  });
});

test.describe("active Python releases", () => {
  test("the table and our own chart show the release cycle, in the light and dark schemes", async ({ page }) => {
    await page.goto("/downloads/");
    const section = layout(page).main.getByRole("region", { name: "Active Python releases" });
    const table = section.getByRole("table", { name: "Active Python releases" });
    for (const header of ["Python version", "Maintenance status", "First released", "End of support", "Release schedule"]) {
      await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
    }
    const versions = await table.getByRole("rowheader").allTextContents();
    expect(versions).toEqual(["3.15", "3.14", "3.13", "3.12", "3.11", "3.10", "3.9"]);
    await expect(table.getByRole("link", { name: "PEP 745" })).toHaveAttribute("href", "https://peps.python.org/pep-0745/");
    await expect(table.getByRole("link", { name: "3.9.23" })).toBeVisible();

    // The chart is inline SVG (no remote image), one labelled bar per row of the table.
    await expect(section.getByRole("img")).toHaveCount(1);
    const chart = section.getByRole("img", { name: "Python release cycle", exact: true });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(/each bar runs from a version's first release to its end of support/);
    await expect(chart.locator("rect.chart-bar")).toHaveCount(versions.length);
    expect(await chart.locator("text.chart-version").allTextContents()).toEqual(versions);
    await expect(chart.locator("text.chart-status").first()).toHaveText("feature");
    await expect(chart.locator("text.chart-today-label")).toHaveText("Today");
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(500);

    const versionFill = () =>
      chart
        .locator("text.chart-version")
        .first()
        .evaluate((element) => getComputedStyle(element).fill);
    const light = await versionFill();
    await page.emulateMedia({ colorScheme: "dark" });
    // The labels follow the site's heading token, which the dark scheme lightens.
    await expect.poll(versionFill).not.toBe(light);
    expect(await versionFill()).toBe("rgb(236, 238, 240)");
  });
});

test("documentation by version lists the releases' archived docs", async ({ page }) => {
  await page.goto("/doc/versions/");
  await expect(page).toHaveTitle("Python documentation by version | Python.org");
  const main = layout(page).main;
  await expect(main.getByRole("heading", { level: 1, name: "Python documentation by version" })).toBeVisible();
  await expect(main.getByRole("heading", { level: 3, name: "Python 3.14" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Python 3.14.0", exact: true })).toHaveAttribute("href", "https://docs.python.org/release/3.14.0/");
  await expect(main.getByRole("link", { name: "Python 3.15.0a1" })).toHaveCount(0);
  await main.getByRole("link", { name: "In development versions" }).click();
  await expect(page).toHaveURL(/#in-development-versions$/);
  await expectNoSeriousA11yViolations(page, "/doc/versions/");
});

// One test per page: axe on a long page takes seconds, and four in one test outran its timeout.
test.describe("the downloads pages have no serious accessibility violations in the dark scheme", () => {
  for (const path of ["/downloads/", "/downloads/release/python-3140/", "/downloads/windows/", "/doc/versions/"]) {
    test(path, async ({ page }) => {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(path);
      await expect(layout(page).main).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${path} (dark)`);
    });
  }
});
