// `markup.render-restructuredtext`: renders a record's reST field with docutils and
// stores the HTML, unless the source changed meanwhile (a newer job will follow).
// Each domain with reST fields contributes a MarkupTarget.
import { createHash } from "node:crypto";
import { z } from "zod";
import { defineTask, type TaskDefinition } from "../jobs/types.ts";
import { docutilsAvailable, renderRestructuredText, RST_MAX_SOURCE } from "./rst.ts";

export const RENDER_RST_TASK = "markup.render-restructuredtext";

export interface MarkupTarget {
  /** `<domain>.<model>.<field>`, e.g. `boxes.box.content`. */
  name: string;
  /** The field's current source and markup type, or null when the record is gone. */
  load(id: string): Promise<{ source: string; markupType: string } | null>;
  /** Stores the rendered HTML when the source still hashes to `sourceHash`. */
  store(id: string, html: string, sourceHash: string): Promise<void>;
}

export function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

const Payload = z.object({ target: z.string().min(1).max(100), id: z.string().min(1).max(100) });

export function markupTasks(targets: MarkupTarget[]): TaskDefinition[] {
  return [
    defineTask({
      name: RENDER_RST_TASK,
      payload: Payload,
      async run(payload, context) {
        const target = targets.find((candidate) => candidate.name === payload.target);
        if (!target) return context.logger.warn({ target: payload.target }, "unknown markup target");
        const current = await target.load(payload.id);
        if (!current || current.markupType !== "restructuredtext") return;
        if (!(await docutilsAvailable())) {
          return context.logger.warn("docutils is not installed; reStructuredText stays shown as source");
        }
        if (current.source.length > RST_MAX_SOURCE) {
          return context.logger.warn({ target: payload.target, id: payload.id, length: current.source.length }, "reStructuredText too long for docutils; it stays shown as source");
        }
        // Jobs wait for a docutils slot (the worker's concurrency bounds how many wait).
        const html = await renderRestructuredText(current.source, undefined, { queue: "unbounded" });
        await target.store(payload.id, html, sourceHash(current.source));
      },
    }),
  ];
}

/** Job options that collapse repeated saves of one field into one render. */
export function renderJobOptions(target: string, id: string | number) {
  return { jobKey: `markup:${target}:${id}`, maxAttempts: 3 };
}
