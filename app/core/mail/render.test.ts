// Mail templates: subject from `.subject.njk` on one line, a plain-text part that is not
// escaped, and an optional HTML part that is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMailRenderer, MAX_SUBJECT_LENGTH, toSubjectLine } from "./render.ts";

const dir = mkdtempSync(path.join(tmpdir(), "pydotorg-mail-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, "mail", name)), { recursive: true });
    writeFileSync(path.join(dir, "mail", name), body);
  }
}

write({
  "jobs/submitted.subject.njk": "Job {{ title }}\nsubmitted\n",
  "jobs/submitted.txt.njk": "Hello {{ name }},\n{% if title %}\nYour job “{{ title }}” is in review: {{ absolute('/jobs/1/') }}\n{% endif %}\n",
  "jobs/submitted.html.njk": "<p>Hello {{ name }}, <a href=\"{{ absolute('/jobs/1/') }}\">{{ title }}</a></p>",
  "text-only.subject.njk": "Plain",
  "text-only.txt.njk": "Only text for {{ name }}.",
  "no-text.subject.njk": "Half",
  "blank.subject.njk": "{{ nothing }}  ",
  "blank.txt.njk": "x",
});

const renderer = createMailRenderer({ templatesDir: dir, siteUrl: "https://www.python.org" });

describe("mail templates", () => {
  it("render a one-line subject, unescaped text and escaped HTML", () => {
    const context = { name: "Ada & <Bob>", title: "Snake <wrangler>" };
    const mail = renderer.renderMail("jobs/submitted", context);
    expect(mail.subject).toBe("Job Snake <wrangler> submitted");
    expect(mail.text).toBe("Hello Ada & <Bob>,\nYour job “Snake <wrangler>” is in review: https://www.python.org/jobs/1/\n");
    expect(mail.html).toBe('<p>Hello Ada &amp; &lt;Bob&gt;, <a href="https://www.python.org/jobs/1/">Snake &lt;wrangler&gt;</a></p>');
  });

  it("leave the HTML part out when the message has no HTML template", () => {
    expect(renderer.renderMail("text-only", { name: "Ada" })).toEqual({ subject: "Plain", text: "Only text for Ada.", html: null });
  });

  it("refuse a message without a text template or with an empty subject", () => {
    expect(() => renderer.renderMail("no-text", {})).toThrow("Mail template mail/no-text.txt.njk is missing");
    expect(() => renderer.renderMail("absent", {})).toThrow("mail/absent.subject.njk is missing");
    expect(() => renderer.renderMail("blank", {})).toThrow(/empty subject/);
  });

  it("cut over-long subjects instead of refusing them", () => {
    const line = toSubjectLine(`A\r\nB ${"x".repeat(400)}`);
    expect(line.startsWith("A B xxx")).toBe(true);
    expect(line).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(line.endsWith("…")).toBe(true);
  });

  it("render the shipped mail-check message", () => {
    const shipped = createMailRenderer({ templatesDir: path.resolve(import.meta.dirname, "../../../templates"), siteUrl: "https://www.python.org" });
    const mail = shipped.renderMail("mail-check", { note: "<b>hi</b>" });
    expect(mail.subject).toBe("Mail check from https://www.python.org: <b>hi</b>");
    expect(mail.text).toContain("Note: <b>hi</b>");
    expect(mail.html).toContain("Note: &lt;b&gt;hi&lt;/b&gt;");
    expect(mail.html).toContain("<!DOCTYPE html>");
  });
});
