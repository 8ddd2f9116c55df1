// `POST /admin/preview/markup`: the live preview behind static/js/admin.js. It answers
// an HTML fragment rendered and sanitised exactly as saving would render it; the
// no-JavaScript path is the form's own "Preview" button (see edit.ts).
import { Hono } from "hono";
import { AppError } from "../../errors.ts";
import type { AppEnv } from "../../http/env.ts";
import { escapeHtml, isMarkupType, renderMarkup } from "../../markup/render.ts";
import { LimiterBusyError } from "../../markup/limiter.ts";
import { docutilsAvailable, renderRestructuredText, RST_MAX_SOURCE } from "../../markup/rst.ts";
import { bodyString, readBody } from "./shared.ts";

const MAX_SOURCE = 200_000;

async function renderPreview(source: string, type: string): Promise<string> {
  if (!isMarkupType(type)) throw new AppError("VALIDATION", "Choose a markup type.", { fields: { markup_type: ["Choose a markup type."] } });
  if (type !== "restructuredtext") return renderMarkup(source, type).html;
  if (source.length > RST_MAX_SOURCE) {
    throw new AppError("VALIDATION", `reStructuredText over ${RST_MAX_SOURCE.toLocaleString("en")} characters cannot be previewed.`, {
      fields: { source: ["The text is too long to preview."] },
    });
  }
  if (await docutilsAvailable()) {
    try {
      return await renderRestructuredText(source);
    } catch (error) {
      if (error instanceof LimiterBusyError) throw new AppError("RATE_LIMITED", "Too many previews are being rendered right now. Try again in a moment.");
      return `<p class="preview-note">docutils could not render this text.</p><pre class="markup-source">${escapeHtml(source)}</pre>`;
    }
  }
  return `<p class="preview-note">docutils is not installed here, so reStructuredText is shown as source.</p>${renderMarkup(source, type).html}`;
}

export function previewRoutes() {
  const app = new Hono<AppEnv>({ strict: true });
  app.post("/preview/markup", async (c) => {
    const body = await readBody(c);
    const source = bodyString(body, "source") ?? "";
    if (source.length > MAX_SOURCE) throw new AppError("VALIDATION", "The text is too long to preview.");
    const html = await renderPreview(source.replaceAll("\0", ""), bodyString(body, "markup_type") ?? "");
    c.header("Cache-Control", "no-store");
    return c.html(html);
  });
  return app;
}
