// `pages.check-links` (cron, daily): every link in published pages, boxes and menus is
// checked — internal ones by asking the application itself, external ones politely over
// the network unless disabled — and the results replace the previous run's, for the
// admin's broken-links report. Idempotent: a rerun simply replaces the results again.
import { z } from "zod";
import { defineTask, type TaskDefinition } from "../../core/jobs/types.ts";
import type { BoxesService } from "../boxes/index.ts";
import { checkLinks, type ExternalPolicy, type LinkResult, type LinkSource } from "./jobs/link-checker.ts";
import type { PagesService } from "./service.ts";

export const CHECK_LINKS_TASK = "pages.check-links";

/** Host names that are python.org itself: absolute links to them are internal links. */
export const OWN_HOSTS = ["www.python.org", "python.org"];

export interface LinkCheckConfig {
  siteUrl: string;
  /** Answers a request with the application (no network); required for internal links. */
  dispatch?: (request: Request) => Response | Promise<Response>;
  /** False skips external links (env LINK_CHECK_EXTERNAL=0). */
  external: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
  perHostDelayMs?: number;
  concurrency?: number;
  maxExternalUrls?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface LinkCheckDeps {
  pages: Pick<PagesService, "contentLinkSources" | "replaceLinkResults">;
  boxes: Pick<BoxesService, "listBoxes">;
  config: LinkCheckConfig;
}

function externalPolicy(config: LinkCheckConfig): ExternalPolicy {
  return {
    enabled: config.external,
    fetch: config.fetch ?? fetch,
    timeoutMs: config.timeoutMs ?? 10_000,
    perHostDelayMs: config.perHostDelayMs ?? 1_000,
    concurrency: config.concurrency ?? 4,
    maxUrls: config.maxExternalUrls ?? 5_000,
    userAgent: `python.org link checker (+${new URL("/about/help/", config.siteUrl).toString()})`,
  };
}

/** Runs one complete check and stores its results; returns them. */
export async function runLinkCheck(deps: LinkCheckDeps): Promise<LinkResult[]> {
  const { config } = deps;
  if (!config.dispatch) throw new Error("The link checker needs the application's dispatcher to check internal links.");
  const boxes = await deps.boxes.listBoxes();
  const sources: LinkSource[] = [
    ...(await deps.pages.contentLinkSources()),
    ...boxes.map((box) => ({ type: "box" as const, id: box.id, label: box.label, url: `/admin/boxes/box/${box.id}/change/`, basePath: "/", html: box.html })),
  ];
  const checkedAt = config.now?.() ?? new Date();
  const results = await checkLinks(sources, { dispatch: config.dispatch, siteUrl: config.siteUrl, ownHosts: OWN_HOSTS, external: externalPolicy(config), sleep: config.sleep });
  await deps.pages.replaceLinkResults({ results, checkedAt });
  return results;
}

export function pagesTasks(deps: LinkCheckDeps): TaskDefinition[] {
  return [
    defineTask({
      name: CHECK_LINKS_TASK,
      // Cron adds `_cron` to the payload; nothing else is read.
      payload: z.object({}),
      async run(_payload, context) {
        const results = await runLinkCheck(deps);
        const broken = results.filter((result) => !result.ok).length;
        context.logger.info({ links: results.length, broken }, "link check finished");
      },
    }),
  ];
}
