import { describe, expect, it } from "vitest";
import { cleanIndexedText, escapeHtml, HIGHLIGHT_END as END, HIGHLIGHT_START as START, markedTextToHtml } from "./highlight.ts";

describe("escapeHtml", () => {
  it("escapes the characters that are significant in HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("markedTextToHtml", () => {
  it("turns markers into <mark> and escapes everything else", () => {
    expect(markedTextToHtml(`Python ${START}3.13.1${END} & <b>more</b>`)).toBe("Python <mark>3.13.1</mark> &amp; &lt;b&gt;more&lt;/b&gt;");
    expect(markedTextToHtml(`${START}<script>alert(1)</script>${END}`)).toBe("<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>");
  });

  it("keeps the marks balanced whatever the markers' order", () => {
    expect(markedTextToHtml(`${END}a${START}b`)).toBe("a<mark>b</mark>");
    expect(markedTextToHtml(`${START}${START}a${END}${END}b`)).toBe("<mark>a</mark>b");
    expect(markedTextToHtml("")).toBe("");
  });

  it("never outputs a tag other than mark for hostile input", () => {
    const alphabet = ["<", ">", "&", '"', "'", "/", "script", "mark", " ", START, END, "\u0000", "\uD800", "🐍", "\u202E"];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const input = Array.from({ length: 40 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const html = markedTextToHtml(input);
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
      expect(html.match(/<mark>/g)?.length ?? 0).toBe(html.match(/<\/mark>/g)?.length ?? 0);
      expect(html).not.toContain("<mark><mark>");
    }
  });
});

describe("cleanIndexedText", () => {
  it("removes markers, NUL bytes and lone surrogates but keeps real text", () => {
    expect(cleanIndexedText(`a${START}b${END}c\u0000d\uD800e\uDFFFf`)).toBe("abcdef");
    expect(cleanIndexedText("🐍 مرحبا é 3.13.1")).toBe("🐍 مرحبا é 3.13.1");
  });
});
