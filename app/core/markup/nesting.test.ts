import { describe, expect, it } from "vitest";
import { repairCodeAroundPre } from "./nesting.ts";
import { sanitizeMarkupHtml } from "./sanitize.ts";

describe("repairCodeAroundPre", () => {
  it("turns <code><pre> inside out, keeping attributes and text", () => {
    expect(repairCodeAroundPre('<p>Run:</p>\n<code><pre class="literal-block">\ngpg --verify Python-3.6.2.tgz.asc\n</pre></code>')).toBe(
      '<p>Run:</p>\n<pre class="literal-block"><code>\ngpg --verify Python-3.6.2.tgz.asc\n</code></pre>',
    );
    expect(repairCodeAroundPre('<code class="x">\n<pre>a</pre>\n</code>')).toBe('\n<pre><code class="x">a</code></pre>\n');
  });

  it("repairs each pair separately and leaves valid markup alone", () => {
    expect(repairCodeAroundPre("<code><pre>a</pre></code> and <code><pre>b</pre></code>")).toBe("<pre><code>a</code></pre> and <pre><code>b</code></pre>");
    for (const valid of ["<pre><code>a</code></pre>", "<code>inline</code> <pre>block</pre>", "<code>x</code><pre>y</pre></code>", "<code><pre>a</pre> and <pre>b</pre></code>"])
      expect(repairCodeAroundPre(valid)).toBe(valid);
  });

  it("is applied by the sanitiser to stored HTML", () => {
    expect(sanitizeMarkupHtml("<code><pre>gpg --recv-keys [key id]</pre></code>")).toBe("<pre><code>gpg --recv-keys [key id]</code></pre>");
  });
});
