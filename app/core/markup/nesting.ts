// Repairs of invalid nesting found in stored editor HTML. Legacy python.org's download-pgp
// box (fixtures/boxes.json) wraps command lines as <code><pre>…</pre></code>; a <pre> may
// not sit inside phrasing content, so browsers and validators split the <code> apart.
// The repair swaps the pair into the valid <pre><code>…</code></pre>, keeping both
// elements' attributes; it runs on sanitised output, whose tags are normalised.

// The body may not itself end the <pre>: a <code> holding two blocks is left alone.
const CODE_AROUND_PRE = /<code(\s[^>]*)?>(\s*)<pre(\s[^>]*)?>((?:(?!<\/pre>)[\s\S])*)<\/pre>(\s*)<\/code>/g;

/** `html` with every <code> that wraps only a <pre> turned inside out. */
export function repairCodeAroundPre(html: string): string {
  return html.replace(
    CODE_AROUND_PRE,
    (_match, codeAttributes = "", before: string, preAttributes = "", body: string, after: string) =>
      `${before}<pre${preAttributes}><code${codeAttributes}>${body}</code></pre>${after}`,
  );
}
