// One Nunjucks environment per process: autoescape always on; templates cached in
// production and re-read on every render in development.
import nunjucks from "nunjucks";
import type { AssetManifest } from "./assets.ts";
import { isSafeLink } from "../http/url-schema.ts";
import { currentYear, isoDate, isoDateTime, longDate } from "./filters.ts";

export function createTemplateEnvironment(options: { templatesDir: string; assets: AssetManifest; development: boolean; siteUrl: string }): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(options.templatesDir, { noCache: options.development, watch: false });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addGlobal("asset", (logicalPath: string) => options.assets.url(logicalPath));
  env.addGlobal("absolute", (sitePath: string) => new URL(sitePath, options.siteUrl).toString());
  env.addGlobal("current_year", () => currentYear());
  env.addFilter("iso_date", isoDate);
  env.addFilter("iso_datetime", isoDateTime);
  env.addFilter("long_date", longDate);
  // Rows stored before URL fields were checked (or migrated from legacy) may hold a
  // javascript: link; a stored URL is rendered through this filter, which drops it.
  env.addFilter("safe_link", (value: unknown) => (typeof value === "string" && isSafeLink(value, { sitePath: true }) ? value : ""));
  return env;
}
