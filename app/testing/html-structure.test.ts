import { describe, expect, it } from "vitest";
import { findHtmlProblems } from "./html-structure.ts";

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe("findHtmlProblems", () => {
  it("accepts well-formed pages with tables, void elements and inline SVG", () => {
    const html = page(`
      <main id="content"><a href="#content">skip</a>
      <p>A <code>checksum<wbr>half</code> <img src="x.png" alt=""><br></p>
      <table><caption>c</caption>
        <thead><tr><th scope="col">a</th><th scope="col" colspan="2">b</th></tr></thead>
        <tbody><tr><th scope="row">1</th><td rowspan="2">x</td><td>y</td></tr><tr><th scope="row">2</th><td>z</td></tr></tbody>
      </table>
      <svg viewBox="0 0 10 10" role="img" aria-labelledby="t1"><title id="t1">chart</title><g><rect x="0" y="0" width="1" height="1"/><line x1="0" x2="1" y1="0" y2="1"/></g></svg>
      <label for="f">F</label><input id="f" name="f">
      </main>`);
    expect(findHtmlProblems(html)).toEqual([]);
  });

  it.each([
    ["<code><pre>x</pre></code>", /<pre> inside phrasing-only content \(html > body > code\)/],
    ["<p><div>x</div></p>", /<div> inside phrasing-only content/],
    ["<span><ul><li>x</li></ul></span>", /<ul> inside phrasing-only content/],
    ["<a href='/'><a href='/x'>y</a></a>", /interactive <a> inside a link or button/],
    ["<div><span>x</div></span>", /end tag <\/div> while <span> still open/],
    ["<div>x</div></div>", /end tag <\/div> closes nothing/],
    ["<div>x", /end tag <\/body> while <div> still open/],
    ["<div/>", /<div\/> is not a void element/],
    ["<br></br>", /end tag <\/br> of a void element/],
    ["<li>x</li>", /<li> must be a child of <ul> or <ol> or <menu>/],
    ["<ul><div>x</div></ul>", /<div> directly inside <ul>/],
    ["<table><tr><td>x</td></tr></table>", /^$/],
    ["<table><tr><th>x</th></tr></table>", /<th> without a valid scope/],
    ["<table><tr><th scope='col'>a</th><th scope='col'>b</th></tr><tr><td>1</td></tr></table>", /table rows have different numbers of columns: 2, 1/],
    ["<p id='a'>x</p><p id='a'>y</p>", /duplicate id "a"/],
    ["<p id='a b'>x</p>", /invalid id/],
    ["<section aria-labelledby='nope'>x</section>", /<section aria-labelledby> points at a missing id "nope"/],
    ["<a href='#gone'>x</a>", /link to #gone but no element has that id/],
    ["<p class='a' class='b'>x</p>", /repeats the attribute class/],
  ])("reports %s", (body, expected) => {
    const problems = findHtmlProblems(page(body));
    if (expected.source === "^$") expect(problems).toEqual([]);
    else expect(problems.join("\n")).toMatch(expected);
  });

  it("reports elements a fragment leaves open", () => {
    expect(findHtmlProblems("<section><p>x</p>")).toEqual(["at the end: <section> never closed"]);
  });

  it("wants a doctype on a full document", () => {
    expect(findHtmlProblems("<html><body></body></html>")).toEqual(["the document has no <!doctype html>"]);
  });

  it("counts the columns of nested tables separately", () => {
    const html = page("<table><tr><td><table><tr><td>1</td><td>2</td></tr></table></td></tr><tr><td>3</td></tr></table>");
    expect(findHtmlProblems(html)).toEqual([]);
  });
});
