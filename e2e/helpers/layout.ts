// Landmarks every page of the python.org layout has (templates/base.njk), found by
// role and accessible name.
import type { Page } from "@playwright/test";

export const NETWORK_SITES = ["Python", "PSF", "Docs", "PyPI", "Jobs", "Community"];
export const MAIN_NAV_ITEMS = ["About", "Downloads", "Documentation", "Community", "Success Stories", "News", "Events"];

export function layout(page: Page) {
  // Two navigations are labelled "Main": the desktop bar and the one inside the
  // small-screen "Menu" disclosure; only one of them is rendered at a time.
  const mainNav = page.getByRole("navigation", { name: "Main" });
  return {
    skipLink: page.getByRole("link", { name: "Skip to content" }),
    networkBar: page.getByRole("navigation", { name: "The Python Network" }),
    search: page.getByRole("banner").getByRole("search"),
    mainNav,
    navLink: (title: string) => mainNav.getByRole("link", { name: title, exact: true }),
    main: page.getByRole("main"),
    footer: page.getByRole("contentinfo"),
    siteMap: page.getByRole("contentinfo").getByRole("navigation", { name: "Site map" }),
  };
}
