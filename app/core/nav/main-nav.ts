// python.org's built-in navigation: the layout (app/site/layout.ts) uses it while the
// database has no "main" menu tree, and the pages seed (app/domains/pages/seed.ts) copies
// it into that tree. Titles, URLs and order follow legacy fixtures/sitetree_menus.json;
// supernav box labels follow templates/base.html and are matched to menu items by id.

export interface NavDefinition {
  id: string;
  title: string;
  url: string;
  /** Label of the box shown as this item's supernav panel. */
  supernavBox?: string;
  children: Array<{ title: string; url: string }>;
}

/** The sister-site bar at the very top ("The Python Network"). */
export const NETWORK_LINKS = [
  { id: "python", title: "Python", url: "/" },
  { id: "psf", title: "PSF", url: "/psf-landing/" },
  { id: "docs", title: "Docs", url: "https://docs.python.org" },
  { id: "pypi", title: "PyPI", url: "https://pypi.org/" },
  { id: "jobs", title: "Jobs", url: "/jobs/" },
  { id: "community", title: "Community", url: "/community/" },
] as const;

export const MAIN_NAV: NavDefinition[] = [
  {
    id: "about",
    title: "About",
    url: "/about/",
    supernavBox: "supernav-python-about",
    children: [
      { title: "Applications", url: "/about/apps/" },
      { title: "Quotes", url: "/about/quotes/" },
      { title: "Getting Started", url: "/about/gettingstarted/" },
      { title: "Help", url: "/about/help/" },
      { title: "Python Brochure", url: "http://brochure.getpython.info/" },
    ],
  },
  {
    id: "downloads",
    title: "Downloads",
    url: "/downloads/",
    supernavBox: "supernav-python-downloads",
    children: [
      { title: "All releases", url: "/downloads/" },
      { title: "Source code", url: "/downloads/source/" },
      { title: "Windows", url: "/downloads/windows/" },
      { title: "macOS", url: "/downloads/macos/" },
      { title: "Android", url: "/downloads/android/" },
      { title: "Other Platforms", url: "/download/other/" },
      { title: "License", url: "https://docs.python.org/3/license.html" },
      { title: "Alternative Implementations", url: "/download/alternatives" },
    ],
  },
  {
    id: "documentation",
    title: "Documentation",
    url: "/doc/",
    supernavBox: "supernav-python-documentation",
    children: [
      { title: "Docs", url: "/doc/" },
      { title: "Audio/Visual Talks", url: "/doc/av" },
      { title: "Beginner's Guide", url: "https://wiki.python.org/moin/BeginnersGuide" },
      { title: "FAQ", url: "https://docs.python.org/3/faq/" },
      { title: "Non-English Docs", url: "https://translations.python.org/" },
      { title: "Python Enhancement Proposals", url: "https://peps.python.org" },
      { title: "Python Books", url: "https://wiki.python.org/moin/PythonBooks" },
      { title: "Python Essays", url: "/doc/essays/" },
    ],
  },
  {
    id: "community",
    title: "Community",
    url: "/community/",
    supernavBox: "supernav-python-community",
    children: [
      { title: "Diversity", url: "/community/diversity/" },
      { title: "Mailing Lists", url: "/community/lists/" },
      { title: "IRC", url: "/community/irc/" },
      { title: "Forums", url: "/community/forums/" },
      { title: "PSF Annual Impact Report", url: "/psf/annual-report/2024/" },
      { title: "Python Conferences", url: "/community/workshops/" },
      { title: "Special Interest Groups", url: "/community/sigs/" },
      { title: "Python Logo", url: "/community/logos/" },
      { title: "Python Wiki", url: "https://wiki.python.org/moin/" },
      { title: "Code of Conduct", url: "/psf/conduct/" },
      { title: "Community Awards", url: "/community/awards" },
      { title: "Get Involved", url: "/psf/get-involved/" },
      { title: "Shared Stories", url: "/psf/community-stories/" },
    ],
  },
  {
    id: "success-stories",
    title: "Success Stories",
    url: "/success-stories/",
    supernavBox: "supernav-python-success-stories",
    children: [
      { title: "Arts", url: "/success-stories/category/arts/" },
      { title: "Business", url: "/success-stories/category/business/" },
      { title: "Education", url: "/success-stories/category/education/" },
      { title: "Engineering", url: "/success-stories/category/engineering/" },
      { title: "Government", url: "/success-stories/category/government/" },
      { title: "Scientific", url: "/success-stories/category/scientific/" },
      { title: "Software Development", url: "/success-stories/category/software-development/" },
    ],
  },
  {
    id: "news",
    title: "News",
    url: "/blogs/",
    supernavBox: "supernav-python-blog",
    children: [
      { title: "Python News", url: "/blogs/" },
      { title: "PSF Newsletter", url: "/psf/newsletter/" },
      { title: "PSF News", url: "http://pyfound.blogspot.com/" },
      { title: "PyCon US News", url: "http://pycon.blogspot.com/" },
      { title: "News from the Community", url: "http://planetpython.org/" },
    ],
  },
  {
    id: "events",
    title: "Events",
    url: "/events/",
    supernavBox: "supernav-python-events",
    children: [
      { title: "Python Events", url: "/events/python-events/" },
      { title: "User Group Events", url: "/events/python-user-group/" },
      { title: "Python Events Archive", url: "/events/python-events/past/" },
      { title: "User Group Events Archive", url: "/events/python-user-group/past/" },
      { title: "Submit an Event", url: "https://wiki.python.org/moin/PythonEventsCalendar#Submitting_an_Event" },
    ],
  },
];

/** The footer site map shows every main item plus "Contributing" (legacy python-footer). */
export const FOOTER_EXTRA = [
  {
    title: "Contributing",
    url: "/dev/",
    children: [
      { title: "Developer's Guide", url: "https://devguide.python.org/" },
      { title: "Issue Tracker", url: "https://github.com/python/cpython/issues" },
      { title: "python-dev list", url: "https://mail.python.org/mailman3/lists/python-dev.python.org/" },
      { title: "Core Mentorship", url: "/dev/core-mentorship/" },
      { title: "Report a Security Issue", url: "/dev/security/" },
    ],
  },
];

export const SUPERNAV_BOX_LABELS = MAIN_NAV.flatMap((item) => (item.supernavBox ? [item.supernavBox] : []));
