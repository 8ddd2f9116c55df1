import { describe, expect, it } from "vitest";
import { renderMarkup } from "./render.ts";
import { sanitizeMarkupHtml } from "./sanitize.ts";

describe("sanitizeMarkupHtml", () => {
  it("removes scripts, event handlers and javascript: URLs", () => {
    const dirty = `<p onclick="steal()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)">`;
    const clean = sanitizeMarkupHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(clean).toContain("<p>Hi</p>");
    expect(clean).toContain("<a>x</a>");
  });

  it("keeps allowlisted markup, attributes and schemes", () => {
    const html = `<a href="https://www.python.org/" class="button" title="t">Python</a> <a href="mailto:psf@python.org">mail</a>`;
    expect(sanitizeMarkupHtml(html)).toBe(html);
  });

  it("drops tags outside the allowlist but keeps their text", () => {
    expect(sanitizeMarkupHtml("<section><u>under</u></section>")).toBe("under");
    expect(sanitizeMarkupHtml('<iframe src="https://evil.example"></iframe>ok')).toBe("ok");
  });
});

describe("renderMarkup", () => {
  it("renders Markdown with tables and without raw HTML", () => {
    const { html } = renderMarkup("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>raw</b>", "markdown");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<table>");
    expect(html).toContain("&lt;b&gt;raw&lt;/b&gt;");
  });

  it("lets trusted Markdown carry raw HTML, still sanitised", () => {
    const { html } = renderMarkup("<b>bold</b> <script>x()</script>", "markdown_unsafe");
    expect(html).toContain("<b>bold</b>");
    expect(html).not.toContain("script");
  });

  it("escapes plain text and keeps its line breaks", () => {
    expect(renderMarkup("a < b\nc\n\nnext", "plain").html).toBe("<p>a &lt; b<br>c</p>\n<p>next</p>");
  });

  it("marks reStructuredText as not rendered and escapes it", () => {
    const result = renderMarkup("Title\n=====\n<b>", "restructuredtext");
    expect(result.rendered).toBe(false);
    expect(result.html).toContain("&lt;b&gt;");
  });

  it("sanitises editor HTML", () => {
    expect(renderMarkup('<p style="x" onmouseover="y">ok</p>', "html").html).toBe("<p>ok</p>");
  });
});
