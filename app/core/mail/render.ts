// Renders one mail template into subject, text and HTML. A message is three files under
// templates/mail/: `<name>.subject.njk` and `<name>.txt.njk` (required) and
// `<name>.html.njk` (optional). Only the HTML part is autoescaped: the subject and text
// are plain text, where escaping would show `&amp;` to the reader.
import { existsSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { isoDate, longDate } from "../render/filters.ts";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string | null;
}

export interface MailRenderer {
  /** Renders `name` with `context`; throws when the subject or text template is missing. */
  renderMail(name: string, context: Record<string, unknown>): RenderedMail;
}

/** Long enough for any real subject; longer ones (a long user-given title) are cut, not refused. */
export const MAX_SUBJECT_LENGTH = 300;

function createEnvironment(templatesDir: string, siteUrl: string, autoescape: boolean): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(templatesDir, { noCache: false });
  const env = new nunjucks.Environment(loader, { autoescape, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  env.addGlobal("site_url", siteUrl);
  env.addGlobal("absolute", (sitePath: string) => new URL(sitePath, siteUrl).toString());
  env.addFilter("iso_date", isoDate);
  env.addFilter("long_date", longDate);
  return env;
}

/** One line, no runs of whitespace: a subject is a header, and a newline in it would end it. */
export function toSubjectLine(rendered: string): string {
  const line = rendered.replace(/\s+/g, " ").trim();
  return line.length > MAX_SUBJECT_LENGTH ? `${line.slice(0, MAX_SUBJECT_LENGTH - 1)}…` : line;
}

/** A renderer over `templatesDir` (the folder holding `mail/`). */
export function createMailRenderer(options: { templatesDir: string; siteUrl: string }): MailRenderer {
  const plain = createEnvironment(options.templatesDir, options.siteUrl, false);
  const escaped = createEnvironment(options.templatesDir, options.siteUrl, true);
  const file = (name: string, part: string) => `mail/${name}.${part}.njk`;
  const exists = (relative: string) => existsSync(path.join(options.templatesDir, relative));

  return {
    renderMail(name, context) {
      for (const part of ["subject", "txt"]) {
        if (!exists(file(name, part))) throw new Error(`Mail template ${file(name, part)} is missing`);
      }
      const subject = toSubjectLine(plain.render(file(name, "subject"), context));
      if (subject === "") throw new Error(`Mail template ${file(name, "subject")} rendered an empty subject`);
      const text = plain.render(file(name, "txt"), context);
      const html = exists(file(name, "html")) ? escaped.render(file(name, "html"), context) : null;
      return { subject, text, html };
    },
  };
}
