// /doc/versions/ from the releases in the database, ahead of the CMS fall-through.
import { pageInput } from "../../testing/factories/pages.ts";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();
const actor = "system" as const;
const page = (path: string, title: string) => pageInput({ path, title, content: `Body of ${title}.` });

beforeEach(async () => {
  await createDownloadsFixture(ctx.services.downloads);
});

describe("/doc/versions/", () => {
  it("lists every published final release by X.Y with its archived documentation", async () => {
    await ctx.services.downloads.saveRelease({ input: { name: "Python 3.2.0", isPublished: true, releaseDate: new Date("2011-02-20T12:00:00Z") }, actor });
    const response = await ctx.app.request("/doc/versions/");
    expect(response.status).toBe(200);
    expect(response.headers.get("surrogate-key")).toContain("downloads");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const html = await response.text();
    expect(html).toContain("<title>Python documentation by version | Python.org</title>");
    const groups = [...html.matchAll(/<h3>Python ([\d.]+)<\/h3>/g)].map((match) => match[1]);
    expect(groups).toEqual(["3.14", "3.13", "3.2", "2.7", "2.2", "2.1", "2.0", "1.6", "1.5", "1.4"]);
    expect(html).toContain(
      '<li><a href="https://docs.python.org/release/3.14.0/">Python 3.14.0</a>, documentation released on <time datetime="2025-10-07">7 October 2025</time></li>',
    );
    expect(html).toContain('<a href="https://docs.python.org/release/3.2/">Python 3.2</a>');
    expect(html).toContain('<a href="https://docs.python.org/release/1.5.2p2/">Python 1.5.2p2</a>, documentation released on <time datetime="2000-03-22">22 March 2000</time>');
    // Pre-releases, drafts and the install manager are not documentation versions.
    for (const absent of ["3.15.0a1", "3.14.1", "install manager", "release/25.0/"]) expect(html, absent).not.toContain(absent);
    expect(html).toContain('<a href="#in-development-versions">In development versions</a>');
    expect(html).toContain('<a href="https://docs.python.org/dev/">Development version</a>');
  });

  it("shows a new release after the write, without waiting for the cache", async () => {
    expect(await (await ctx.app.request("/doc/versions/")).text()).not.toContain("Python 3.14.2");
    await ctx.services.downloads.saveRelease({ input: { name: "Python 3.14.2", isPublished: true }, actor });
    expect(await (await ctx.app.request("/doc/versions/")).text()).toContain('<a href="https://docs.python.org/release/3.14.2/">Python 3.14.2</a>');
  });

  it("wins over a CMS page at its path, while other /doc/ pages still come from the CMS", async () => {
    await ctx.services.pages.savePage({ input: page("doc/versions", "A demo page") });
    await ctx.services.pages.savePage({ input: page("doc/essays", "Python Essays") });
    expect(await (await ctx.app.request("/doc/versions/")).text()).not.toContain("A demo page");
    const essays = await ctx.app.request("/doc/essays/");
    expect(essays.status).toBe(200);
    expect(await essays.text()).toContain("Body of Python Essays.");
    expect((await ctx.app.request("/doc/no-such-page/")).status).toBe(404);
  });

  it("redirects the slash-less URL", async () => {
    const response = await ctx.app.request("/doc/versions");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/doc/versions/");
  });
});
