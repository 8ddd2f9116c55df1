// Site-level template pages of legacy urls.md §2 that no domain owns: the account menu
// fragment, the style guide's inner page and the three small section landings.
// (`/shell/` shares the home page's data, so it lives in home.ts.)
import { Hono } from "hono";
import { cacheable } from "../core/http/cacheable.ts";
import type { AppEnv } from "../core/http/env.ts";

const LANDINGS = [
  {
    path: "/docs-landing/",
    title: "Python documentation",
    body_class: "docs",
    intro: "The documentation of every Python release lives on its own site.",
    link: { url: "https://docs.python.org/", text: "Go to docs.python.org" },
  },
  {
    path: "/pypl-landing/",
    title: "The Python Package Index",
    body_class: "pypl",
    intro: "Packages written by the Python community are published on PyPI.",
    link: { url: "https://pypi.org/", text: "Go to pypi.org" },
  },
  {
    path: "/shop-landing/",
    title: "The PSF shop",
    body_class: "shop",
    intro: "Python and PSF merchandise supports the Python Software Foundation.",
    link: { url: "/psf-landing/", text: "About the PSF" },
  },
] as const;

export function templatePageRoutes() {
  const app = new Hono<AppEnv>({ strict: true });
  // Content depends on the session; pages served from the CDN fetch it per visitor.
  app.get("/authenticated", async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.render("site/authenticated.njk");
  });
  app.get("/inner/", cacheable({ tags: [] }), (c) => c.render("site/inner.njk", { title: "Inner page", body_class: "python inner" }));
  for (const { path, ...landing } of LANDINGS) app.get(path, cacheable({ tags: [] }), (c) => c.render("site/landing.njk", landing));
  return app;
}
