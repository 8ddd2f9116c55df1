// The `latest` redirects (legacy apps/downloads/urls.py): temporary (302) redirects to
// the current release page, trailing slash optional; nothing found → /downloads/.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { DownloadsService } from "../service.ts";

type Kind = "python3" | "python2" | "prerelease" | "pymanager";

export function registerLatest(app: Hono<AppEnv>, prefix: string, downloads: DownloadsService): void {
  // Legacy python2 and pymanager fallbacks reversed URL names that do not exist (a 500);
  // here every kind falls back to the downloads page.
  const redirect = async (c: Context<AppEnv>, kind: Kind, minor?: number) => {
    const target = await downloads.latestReleaseUrl({ kind, minor });
    c.header("Surrogate-Key", "downloads");
    return c.redirect(target ?? "/downloads/", 302);
  };
  for (const path of ["latest", "latest/", "latest/python3", "latest/python3/"]) {
    app.get(`${prefix}/${path}`, (c) => redirect(c, "python3"));
  }
  for (const kind of ["python2", "prerelease", "pymanager"] as const) {
    app.get(`${prefix}/latest/${kind}`, (c) => redirect(c, kind));
    app.get(`${prefix}/latest/${kind}/`, (c) => redirect(c, kind));
  }
  app.get(`${prefix}/latest/:version{python3\\.[0-9]+}`, (c) => redirect(c, "python3", minorOf(c.req.param("version"))));
  app.get(`${prefix}/latest/:version{python3\\.[0-9]+}/`, (c) => redirect(c, "python3", minorOf(c.req.param("version"))));
}

function minorOf(segment: string): number {
  const value = Number(segment.slice("python3.".length));
  // A minor beyond any integer the database holds cannot match a release.
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : -1;
}
