// One MarkupTarget per reStructuredText field, built the same way for every domain: the
// render job reads the source, and stores the HTML only if the source is unchanged.
import { type MarkupTarget, sourceHash } from "./jobs.ts";

export interface MarkupField {
  content: string;
  contentMarkupType: string;
}

export function defineMarkupTarget(options: {
  /** `<domain>.<model>.<field>`, e.g. `boxes.box.content`. */
  name: string;
  /** The record's source and markup type, or null when it is gone. */
  read(id: number): Promise<MarkupField | null>;
  /** Stores the rendered HTML and invalidates what showed the old one. */
  saveRendered(id: number, html: string): Promise<void>;
}): MarkupTarget {
  return {
    name: options.name,
    async load(id) {
      const field = await options.read(Number(id));
      return field ? { source: field.content, markupType: field.contentMarkupType } : null;
    },
    async store(id, html, expectedHash) {
      const field = await options.read(Number(id));
      // Edited since the job was queued: the newer job renders the newer source.
      if (!field || sourceHash(field.content) !== expectedHash) return;
      await options.saveRendered(Number(id), html);
    },
  };
}
