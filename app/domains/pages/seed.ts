// Demo navigation and pages for a new machine, written for this project: the "main" menu
// tree shaped as legacy fixtures/sitetree_menus.json (network roots, python-meta with the
// main menu, python-footer, psf-meta), built from the layout's own constants, and a few
// short pages so the menus lead somewhere. Idempotent: nothing is written twice.
import { FOOTER_EXTRA, MAIN_NAV, NETWORK_LINKS } from "../../core/nav/main-nav.ts";
import type { NavItemInput, PageInput } from "./schemas.ts";
import type { PagesService } from "./service.ts";

const ITEM_DEFAULTS = {
  hint: "",
  urlAsPattern: false,
  hidden: false,
  alias: null,
  description: "",
  inMenu: true,
  inBreadcrumbs: true,
  inSitemap: true,
  accessLoggedIn: false,
  accessGuest: false,
  accessRestricted: false,
  accessPermType: 1 as const,
  permissions: [],
} satisfies Partial<NavItemInput>;

/** Network-bar aliases of legacy sitetree_menus.json, by network id. */
const ROOT_ALIASES: Record<string, string> = { python: "python-meta", psf: "psf-meta", docs: "docs-meta", pypi: "pypi-meta", jobs: "jobs-meta", community: "shop-meta" };

const PSF_MENU = [
  {
    title: "About",
    url: "/psf/about/",
    children: [
      { title: "Mission statement", url: "/psf/mission/" },
      { title: "Public records", url: "/psf/records/" },
    ],
  },
  { title: "Membership", url: "/psf/membership/", children: [{ title: "Sign up as member", url: "/users/membership/" }] },
  { title: "Donations", url: "/psf/donations/", children: [] },
  { title: "Grants", url: "/psf/grants/", children: [] },
];

const markdown = (path: string, title: string, content: string): PageInput => ({
  title,
  path,
  content,
  contentMarkupType: "markdown",
  keywords: "",
  description: "",
  isPublished: true,
  contentType: "text/html",
  templateName: "",
});

export const DEMO_PAGES: PageInput[] = [
  markdown(
    "about",
    "About Python",
    "Python is a programming language that lets you work quickly and integrate systems more effectively.\n\nIt is powerful and fast, plays well with others, runs everywhere, is friendly and easy to learn, and is open: Python is developed under an OSI-approved open source license, making it freely usable and distributable, even for commercial use.\n\n- [Getting started](/about/gettingstarted/)\n- [Applications](/about/apps/)\n- [Help](/about/help/)",
  ),
  markdown(
    "doc",
    "Python Documentation",
    "The official documentation for every Python release lives at [docs.python.org](https://docs.python.org/3/): the tutorial, the library reference, the language reference and how-to guides.\n\n## For beginners\n\nStart with [the tutorial](https://docs.python.org/3/tutorial/) or the [Beginner's Guide](https://wiki.python.org/moin/BeginnersGuide).\n\n## Other versions\n\nDocumentation for older releases is linked from each release's page under [downloads](/downloads/).",
  ),
  markdown(
    "community",
    "Our Community",
    "Python's community is vast, diverse and welcoming: user groups, conferences, sprints, mailing lists and forums in every part of the world.\n\n- [Mailing lists](/community/lists/)\n- [Forums](https://discuss.python.org/)\n- [Code of Conduct](/psf/conduct/)",
  ),
  markdown(
    "psf-landing",
    "Python Software Foundation",
    "The Python Software Foundation (PSF) is a non-profit organization devoted to the Python programming language. It holds the intellectual property rights behind Python, supports the community, and organizes PyCon US.\n\n- [Mission statement](/psf/mission/)\n- [Become a member](/users/membership/)\n- [Donate](https://donate.python.org/)",
  ),
  markdown(
    "dev",
    "Contributing to Python",
    "Python is developed in the open. The [Developer's Guide](https://devguide.python.org/) explains how to build CPython, run its tests and send changes; issues are tracked [on GitHub](https://github.com/python/cpython/issues).",
  ),
  markdown(
    "about/apps",
    "Applications for Python",
    "Python is used in web development, data science, education, system administration and much more.\n\n## Web development\n\nFrameworks such as Django and Flask power sites of every size.",
  ),
  markdown(
    "about/gettingstarted",
    "Python For Beginners",
    "Welcome! New to programming? Python is a friendly place to start.\n\n## Installing\n\nGet Python from the [downloads page](/downloads/).",
  ),
  markdown("about/help", "Python Help", "Questions about Python? Start with the [documentation](https://docs.python.org/3/), then ask the community on the forums."),
  markdown("psf/mission", "PSF Mission Statement", "The mission of the Python Software Foundation is to promote, protect, and advance the Python programming language."),
];

type Link = { title: string; url: string; children?: Link[] };

export function createNavSeeder(pages: PagesService) {
  let order = 0;
  async function add(treeId: number, parentId: number | null, link: Link, extra: Partial<NavItemInput> = {}): Promise<number> {
    order += 1;
    const saved = await pages.saveItem({ input: { ...ITEM_DEFAULTS, treeId, parentId, title: link.title, url: link.url, sortOrder: order, ...extra } });
    for (const child of link.children ?? []) await add(treeId, saved.id, child);
    return saved.id;
  }
  return add;
}

/** Creates the "main" menu tree when it does not exist and the demo pages that are missing; returns what it wrote. */
export async function seedPagesDemo(pages: PagesService): Promise<{ navItems: number; pages: number }> {
  let navItems = 0;
  if (!(await pages.listTrees()).some((tree) => tree.alias === "main")) {
    const tree = await pages.saveTree({ input: { alias: "main", title: "Python.org" } });
    const add = createNavSeeder(pages);
    for (const root of NETWORK_LINKS) {
      const rootId = await add(tree.id, null, { title: root.title, url: root.url }, { alias: ROOT_ALIASES[root.id] ?? null });
      if (root.id === "python") {
        for (const item of MAIN_NAV) await add(tree.id, rootId, item);
        for (const extra of FOOTER_EXTRA) await add(tree.id, rootId, extra, { alias: "python-footer", inBreadcrumbs: false, inSitemap: false });
      }
      if (root.id === "psf") for (const item of PSF_MENU) await add(tree.id, rootId, item);
    }
    navItems = (await pages.searchItems({ treeId: tree.id, offset: 0, limit: 1, orderBy: { field: "sortOrder", direction: "asc" } })).total;
  }
  let created = 0;
  for (const page of DEMO_PAGES) {
    if (await pages.findPageForPath({ path: `/${page.path}/`, includeDrafts: true })) continue;
    await pages.savePage({ input: page });
    created += 1;
  }
  return { navItems, pages: created };
}
