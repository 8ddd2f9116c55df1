// Downloads background tasks. Names are a public contract: never rename one.
//   downloads.rebuild-boxes  regenerates the supernav, home page and sources boxes
//   downloads.purge-cdn      purges CDN caches by surrogate key
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import { defineTask, type TaskDefinition } from "../../core/jobs/types.ts";
import type { BoxesService } from "../boxes/index.ts";
import { SUPERNAV_BOX, HOMEPAGE_BOX } from "./presenters/boxes.ts";
import { PURGE_CDN_TASK, REBUILD_BOXES_TASK } from "./service/effects.ts";
import type { CdnPurger } from "../../core/http/cdn-purge.ts";
import type { DownloadsService } from "./service.ts";

const SurrogateKey = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
export const PurgePayloadSchema = z.object({ keys: z.array(SurrogateKey).min(1).max(100) });

// Pages embed these boxes on every page (supernav) or on the home page, whose only
// surrogate key is the site-wide one.
const SITE_WIDE_BOXES = new Set([SUPERNAV_BOX, HOMEPAGE_BOX]);

async function currentContent(boxes: BoxesService, label: string): Promise<string | null> {
  try {
    return (await boxes.getBox({ label })).content;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export function downloadsTasks(deps: {
  downloads: Pick<DownloadsService, "buildBoxes" | "purgeLater">;
  boxes: BoxesService;
  /** The CDN hook; undefined logs each purge instead. */
  cdn?: CdnPurger;
}): TaskDefinition[] {
  return [
    defineTask({
      name: REBUILD_BOXES_TASK,
      payload: z.object({}),
      async run(_payload, context) {
        const changed: string[] = [];
        for (const [label, html] of Object.entries(await deps.downloads.buildBoxes())) {
          if (html === null || (await currentContent(deps.boxes, label)) === html) continue;
          await deps.boxes.saveBox({ input: { label, content: html, contentMarkupType: "html" } });
          changed.push(label);
        }
        if (changed.length === 0) return;
        context.logger.info({ boxes: changed }, "download boxes rebuilt");
        const keys = changed.map((label) => `box-${label}`);
        if (changed.some((label) => SITE_WIDE_BOXES.has(label))) keys.push("pydotorg-app");
        await deps.downloads.purgeLater({ keys });
      },
    }),
    defineTask({
      name: PURGE_CDN_TASK,
      payload: PurgePayloadSchema,
      async run(payload, context) {
        if (!deps.cdn) {
          context.logger.info({ keys: payload.keys }, "no CDN purge hook configured (CDN_PURGE_URL unset); nothing purged");
          return;
        }
        await deps.cdn.purge(payload.keys);
      },
    }),
  ];
}
