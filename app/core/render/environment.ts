// One Nunjucks environment per process: autoescape always on; templates cached in
// production and re-read on every render in development.
import nunjucks from "nunjucks";
import type { AssetManifest } from "./assets.ts";
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
  return env;
}
