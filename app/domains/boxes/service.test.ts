import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { docutilsAvailable } from "../../core/markup/rst.ts";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();

describe("boxes service", () => {
  it("renders Markdown on save and returns sanitised HTML", async () => {
    const box = await ctx.services.boxes.saveBox({
      input: { label: "homepage-introduction", content: "Hello **Python** <script>x()</script>", contentMarkupType: "markdown" },
    });
    expect(box.html).toContain("<strong>Python</strong>");
    expect(box.html).not.toContain("<script>");
  });

  it("sanitises stored HTML on the way out, even HTML written by other tools", async () => {
    await ctx.deps.db.box.create({
      data: { label: "legacy", content: "", contentMarkupType: "html", contentRendered: '<p onclick="x()">Hi</p><a href="javascript:alert(1)">x</a>' },
    });
    const box = await ctx.services.boxes.getBox({ label: "legacy" });
    expect(box.html).toBe("<p>Hi</p><a>x</a>");
    expect(await ctx.services.boxes.getBoxesHtml({ labels: ["legacy"] })).toEqual({ legacy: "<p>Hi</p><a>x</a>" });
  });

  it("returns only existing boxes and serves later reads from the cache until a save", async () => {
    await ctx.services.boxes.saveBox({ input: { label: "a", content: "first", contentMarkupType: "plain" } });
    expect(await ctx.services.boxes.getBoxesHtml({ labels: ["a", "missing"] })).toEqual({ a: "<p>first</p>" });

    // A write behind the service's back is not seen: the value is cached.
    await ctx.deps.db.box.update({ where: { label: "a" }, data: { contentRendered: "<p>sneaky</p>" } });
    expect((await ctx.services.boxes.getBoxesHtml({ labels: ["a"] })).a).toBe("<p>first</p>");

    // Saving through the service invalidates exactly this box.
    await ctx.services.boxes.saveBox({ input: { label: "a", content: "second", contentMarkupType: "plain" } });
    expect((await ctx.services.boxes.getBoxesHtml({ labels: ["a"] })).a).toBe("<p>second</p>");
  });

  it("caches absent boxes and notices when one is created", async () => {
    expect(await ctx.services.boxes.getBoxesHtml({ labels: ["later"] })).toEqual({});
    await ctx.services.boxes.saveBox({ input: { label: "later", content: "now", contentMarkupType: "plain" } });
    expect(await ctx.services.boxes.getBoxesHtml({ labels: ["later"] })).toEqual({ later: "<p>now</p>" });
  });

  it("rejects invalid input and unknown labels with coded errors", async () => {
    await expect(ctx.services.boxes.saveBox({ input: { label: "bad label!", content: "", contentMarkupType: "markdown" } })).rejects.toThrow();
    await expect(ctx.services.boxes.getBox({ label: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ctx.services.boxes.deleteBox({ label: "nope" })).rejects.toBeInstanceOf(AppError);
  });

  it("shows new reStructuredText as source until the docutils job renders it", async () => {
    const saved = await ctx.services.boxes.saveBox({
      input: { label: "rst", content: "Heading\n=======\n\n*emphasis* <b>", contentMarkupType: "restructuredtext" },
    });
    expect(saved.html).toContain('<pre class="markup-source">');
    expect(saved.html).toContain("&lt;b&gt;");
    await ctx.drainJobs();
    const html = (await ctx.services.boxes.getBoxesHtml({ labels: ["rst"] })).rst;
    if (await docutilsAvailable()) {
      expect(html).toContain("<em>emphasis</em>");
      expect(html).not.toContain("markup-source");
    } else {
      expect(html).toContain("markup-source");
    }
  });

  it("does not store a stale render when the source changed meanwhile", async () => {
    const saved = await ctx.services.boxes.saveBox({ input: { label: "race", content: "old", contentMarkupType: "restructuredtext" } });
    await ctx.services.boxes.markupTarget.store(String(saved.id), "<p>rendered from an older source</p>", "not-the-current-hash");
    expect((await ctx.services.boxes.getBox({ label: "race" })).html).toContain("markup-source");
  });

  it("lists boxes by label prefix", async () => {
    for (const label of ["supernav-python-about", "supernav-python-events", "homepage-jobs"]) {
      await ctx.services.boxes.saveBox({ input: { label, content: label, contentMarkupType: "plain" } });
    }
    const list = await ctx.services.boxes.listBoxes({ label__startswith: "supernav-" });
    expect(list.map((box) => box.label)).toEqual(["supernav-python-about", "supernav-python-events"]);
  });
});
