import { describe, expect, it } from "vitest";
import { docutilsAvailable, renderRestructuredText } from "./rst.ts";
import { skipUnless } from "../../testing/skip.ts";

const available = await docutilsAvailable();

describe.skipIf(skipUnless(available, 'docutils not installed: python3 -c "import docutils" failed'))("reStructuredText through docutils", () => {
  it("renders headings, lists and links", async () => {
    const html = await renderRestructuredText("Title\n=====\n\n* one\n* `two <https://www.python.org/>`_\n");
    expect(html).toContain("<h2");
    expect(html).toContain("<li><p>one</p></li>");
    expect(html).toContain('href="https://www.python.org/"');
  });

  it("refuses raw HTML, file inclusion and javascript: links", async () => {
    const html = await renderRestructuredText(".. raw:: html\n\n   <script>alert(1)</script>\n\n.. include:: /etc/passwd\n\n`x <javascript:alert(1)>`_\n");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("root:");
    expect(html).not.toContain("javascript:");
  });

  it("keeps non-ASCII text", async () => {
    expect(await renderRestructuredText("Zürich 東京 contraseña-ñ")).toContain("Zürich 東京 contraseña-ñ");
  });
});

describe("docutils failures", () => {
  it("reject clearly when the interpreter is missing", async () => {
    await expect(renderRestructuredText("x", "/nonexistent/python3")).rejects.toThrow();
  });
});
