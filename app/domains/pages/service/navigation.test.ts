// The menu logic on plain data: URL names, template variables in titles, access flags,
// hidden items, current item, breadcrumbs, the section sidebar and the main menus.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "../../../core/http/env.ts";
import { breadcrumbs, findCurrent, footerMenu, mainMenu, networkLinks, sectionSidebar, slugify } from "./navigation-menus.ts";
import { parseUrlPattern, resolveUrlPattern } from "./navigation-patterns.ts";
import { flatten, prepareTree, resolveTree, type NavItemRecord } from "./navigation-tree.ts";

let nextId = 1;
function item(title: string, url: string, parentId: number | null, extra: Partial<NavItemRecord> = {}): NavItemRecord {
  return {
    id: nextId++,
    parentId,
    title,
    hint: "",
    url,
    urlAsPattern: false,
    hidden: false,
    alias: null,
    inMenu: true,
    inBreadcrumbs: true,
    inSitemap: true,
    accessLoggedIn: false,
    accessGuest: false,
    accessRestricted: false,
    accessPermType: 1,
    sortOrder: 0,
    permissions: [],
    ...extra,
  };
}

const user = (extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 7,
  username: "josé.ñúñez",
  email: "",
  isStaff: false,
  isSuperuser: false,
  permissions: new Set(),
  groups: [],
  ...extra,
});

function sampleTree() {
  nextId = 1;
  const python = item("Python", "home", null, { urlAsPattern: true, alias: "python-meta", sortOrder: 1 });
  const psf = item("PSF", "psf-landing", null, { urlAsPattern: true, alias: "psf-meta", sortOrder: 2 });
  const about = item("About", "about", python.id, { urlAsPattern: true, sortOrder: 3 });
  const apps = item("Applications", "/about/apps/", about.id, { sortOrder: 2 });
  const quotes = item("Quotes", "/about/quotes/", about.id, { sortOrder: 1 });
  const footer = item("Contributing", "/dev/", python.id, { alias: "python-footer", inBreadcrumbs: false, sortOrder: 9 });
  const records = item("Public records", "/psf/records/", psf.id);
  const moderate = item("Moderate", "jobs:job_moderate", python.id, {
    urlAsPattern: true,
    accessRestricted: true,
    accessPermType: 2,
    permissions: ["jobs.can_moderate_jobs", "jobs.view_job"],
  });
  const signIn = item("Sign in", "account_login", python.id, { urlAsPattern: true, accessGuest: true });
  const profile = item("{{ request.user.username }}'s profile", "users:user_detail request.user.username", python.id, { urlAsPattern: true, accessLoggedIn: true });
  const hidden = item("Hidden", "/old/", about.id, { hidden: true });
  const unknown = item("Broken name", "nowhere:at_all", python.id, { urlAsPattern: true });
  const templated = item("{% now 'Y' %} report", "/r/", python.id);
  const evil = item("Evil", "javascript:alert(1)", python.id);
  return [python, psf, about, apps, quotes, footer, records, moderate, signIn, profile, hidden, unknown, templated, evil];
}

describe("URL names (url-as-pattern)", () => {
  it("maps legacy names to our paths, with arguments URL-encoded", () => {
    const pattern = parseUrlPattern("users:user_detail request.user.username");
    expect(pattern).not.toHaveProperty("error");
    expect(resolveUrlPattern(pattern as never, { username: "josé ñ" })).toBe("/users/jos%C3%A9%20%C3%B1/");
    expect(resolveUrlPattern(pattern as never, { username: null })).toBeNull();
    expect(resolveUrlPattern(parseUrlPattern("download:download") as never, { username: null })).toBe("/downloads/");
    expect(resolveUrlPattern(parseUrlPattern(`events:event_list "python-events"`) as never, { username: null })).toBe("/events/python-events/");
  });

  it("reports unknown names, unsupported arguments and wrong argument counts", () => {
    expect(parseUrlPattern("nowhere:at_all")).toEqual({ error: 'unknown URL name "nowhere:at_all"' });
    expect(parseUrlPattern("users:user_detail request.user.email")).toHaveProperty("error");
    expect(parseUrlPattern("jobs:job_list extra")).toHaveProperty("error");
    expect(parseUrlPattern("users:user_detail")).toHaveProperty("error");
  });
});

describe("trees", () => {
  it("drops items it cannot show safely, naming why", () => {
    const { problems } = prepareTree(sampleTree());
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/unknown URL name "nowhere:at_all"/);
    expect(problems.join("\n")).toMatch(/template code other than/);
    expect(problems.join("\n")).toMatch(/scheme other than http/);
  });

  it("applies access flags: guests, signed-in users, permissions (all of them), hidden items", () => {
    const tree = prepareTree(sampleTree());
    const titles = (viewer: CurrentUser | null) => flatten(resolveTree(tree, viewer)).map((item) => item.title);
    expect(titles(null)).toContain("Sign in");
    expect(titles(null)).not.toContain("Moderate");
    expect(titles(null).some((title) => title.endsWith("'s profile"))).toBe(false);
    const member = titles(user());
    expect(member).not.toContain("Sign in");
    expect(member).toContain("josé.ñúñez's profile");
    expect(member).not.toContain("Moderate");
    expect(titles(user({ permissions: new Set(["jobs.can_moderate_jobs"]) }))).not.toContain("Moderate");
    expect(titles(user({ permissions: new Set(["jobs.can_moderate_jobs", "jobs.view_job"]) }))).toContain("Moderate");
    expect(titles(user({ isSuperuser: true }))).toContain("Moderate");
    expect(titles(user({ isSuperuser: true }))).not.toContain("Hidden");
  });

  it("substitutes the username as plain text, never as markup", () => {
    const tree = prepareTree(sampleTree());
    const titles = flatten(resolveTree(tree, user({ username: "<b>x</b>" }))).map((item) => item.title);
    expect(titles).toContain("<b>x</b>'s profile");
  });
});

describe("menus", () => {
  const roots = () => resolveTree(prepareTree(sampleTree()), null);

  it("builds the network bar, the main menu without the footer-only item, and the footer with it", () => {
    expect(networkLinks(roots()).map((link) => [link.id, link.url])).toEqual([
      ["python", "/"],
      ["psf", "/psf-landing/"],
    ]);
    const main = mainMenu(roots(), "python-meta")!;
    expect(main.map((entry) => entry.title)).toEqual(["Sign in", "About"]);
    expect(main[1]!.children.map((child) => child.title)).toEqual(["Quotes", "Applications"]);

    expect(footerMenu(roots())!.map((entry) => entry.title)).toContain("Contributing");
    expect(mainMenu(roots(), "shop-meta")).toBeNull();
    expect(slugify("Success Stories")).toBe("success-stories");
  });

  it("finds the current item exactly or by section, for breadcrumbs and the sidebar", () => {
    const exact = findCurrent(roots(), "/about/apps");
    expect(exact).toMatchObject({ exact: true, item: { title: "Applications" } });
    expect(breadcrumbs(exact)).toEqual([
      { title: "Python", url: "/" },
      { title: "About", url: "/about/" },
      { title: "Applications", url: null },
    ]);
    const sidebar = sectionSidebar(exact)!;
    expect(sidebar.title).toBe("About");
    expect(sidebar.items.map((entry) => [entry.title, entry.current])).toEqual([
      ["Quotes", null],
      ["Applications", "page"],
    ]);

    const inside = findCurrent(roots(), "/psf/records/board/");
    expect(inside).toMatchObject({ exact: false, item: { title: "Public records" } });
    expect(breadcrumbs(inside, "Board")).toEqual([
      { title: "PSF", url: "/psf-landing/" },
      { title: "Public records", url: "/psf/records/" },
      { title: "Board", url: null },
    ]);
    expect(findCurrent(roots(), "/elsewhere/")).toBeNull();
    expect(breadcrumbs(findCurrent(roots(), "/"))).toEqual([]);
  });
});
