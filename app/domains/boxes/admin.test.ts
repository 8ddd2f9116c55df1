import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, auditRows, followRedirect, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import type { MarkupType } from "../../core/markup/render.ts";

const ctx = useTestContext();
let editor: SignedIn;
beforeEach(async () => {
  await syncAdminPermissions(ctx);
  editor = await signInAs(ctx, { permissions: ["boxes.view_box", "boxes.add_box", "boxes.change_box", "boxes.delete_box"] });
});

const get = (path: string, who: SignedIn = editor) => ctx.app.request(path, { headers: { cookie: who.cookie } });
const post = (path: string, fields: Record<string, string | string[]>, who: SignedIn = editor) => ctx.app.request(path, adminPost(ctx, who.cookie, fields));
const box = (label: string, content = `Content of ${label}`, contentMarkupType: MarkupType = "markdown") => ({ label, content, contentMarkupType });

async function seedBoxes(count: number) {
  await ctx.deps.db.box.createMany({
    data: Array.from({ length: count }, (_, i) => ({ label: `box-${String(i).padStart(3, "0")}`, content: i % 2 ? "odd snake" : "even python", contentRendered: "" })),
  });
}

describe("boxes admin: list", () => {
  it("lists, searches label and content, orders by column and paginates", async () => {
    await seedBoxes(55);
    const first = await (await get("/admin/boxes/box/")).text();
    expect(first).toContain("55 boxes");
    expect(first).toContain("box-000");
    expect(first).not.toContain("box-050");
    expect(first).toContain('aria-current="page"><span class="visually-hidden">Page </span>1</a>');

    const second = await (await get("/admin/boxes/box/?p=2")).text();
    expect(second).toContain("box-054");
    expect(second).not.toContain(">box-000<");

    const descending = await (await get("/admin/boxes/box/?o=-label")).text();
    expect(descending.indexOf("box-054")).toBeLessThan(descending.indexOf("box-053"));
    expect(descending).toContain('aria-sort="descending"');

    const search = await (await get("/admin/boxes/box/?q=SNAKE")).text();
    expect(search).toContain("27 boxes matching “SNAKE”");
    expect(search).toContain("box-001");
    expect(search).not.toContain(">box-002<");
  });

  it("shrugs off odd list parameters", async () => {
    await seedBoxes(3);
    for (const query of ["?p=abc", "?p=-1", "?p=99999999999", "?o=password", "?o=-", `?q=${"x".repeat(10_000)}`, "?q=%00%01", "?q=%F0%9F%90%8D", "?active=maybe"]) {
      const response = await get(`/admin/boxes/box/${query}`);
      expect(response.status, query).toBe(200);
    }
    expect(await (await get("/admin/boxes/box/?p=99")).text()).toContain("box-002");
  });
});

describe("boxes admin: add and change", () => {
  it("re-renders invalid input with 422, messages next to fields, a summary and the values kept", async () => {
    const response = await post("/admin/boxes/box/add/", { label: "not a slug!", contentMarkupType: "markdown", content: "" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#id_label"');
    expect(html).toContain("Use only letters, digits, hyphens and underscores.");
    expect(html).toContain('value="not a slug!"');
    expect(html).toMatch(/id="id_label" name="label" aria-describedby="id_label-error id_label-help" aria-invalid="true"/);
    expect(html).toContain('<p class="field-error" id="id_content-error"><span class="visually-hidden">Error: </span>This field is required.</p>');
    expect(await ctx.deps.db.box.count()).toBe(0);
  });

  it("creates with 303, a flash message and an audit entry", async () => {
    const response = await post("/admin/boxes/box/add/", box("homepage-introduction", "Hello **world**"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/boxes/box/");
    const list = await followRedirect(ctx, editor.cookie, response);
    expect(await list.text()).toContain("Box “homepage-introduction” was added.");

    const [entry] = await auditRows(ctx, "boxes.box");
    const saved = await ctx.deps.db.box.findUniqueOrThrow({ where: { label: "homepage-introduction" } });
    expect(entry).toMatchObject({ action: "create", actorId: editor.id, objectId: String(saved.id), objectRepr: "homepage-introduction", before: null });
    expect(entry!.after).toEqual({ label: "homepage-introduction", contentMarkupType: "markdown", content: "Hello **world**" });
    expect(saved.creatorId).toBe(editor.id);
  });

  it("refuses a taken label with 422 on the label field", async () => {
    await post("/admin/boxes/box/add/", box("taken"));
    const response = await post("/admin/boxes/box/add/", box("taken"));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("A box with this label already exists.");
  });

  it("edits a box and the home page shows the new content at once", async () => {
    await ctx.services.boxes.saveBox({ input: box("homepage-introduction", "Old intro") });
    expect(await (await ctx.app.request("/")).text()).toContain("Old intro");
    const { id } = await ctx.deps.db.box.findUniqueOrThrow({ where: { label: "homepage-introduction" } });

    const form = await (await get(`/admin/boxes/box/${id}/change/`)).text();
    expect(form).toContain("Old intro");
    const response = await post(`/admin/boxes/box/${id}/change/`, { ...box("homepage-introduction", "Brand *new* intro"), _continue: "1" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/admin/boxes/box/${id}/change/`);

    expect(await (await ctx.app.request("/")).text()).toContain("Brand <em>new</em> intro");
    const update = (await auditRows(ctx, "boxes.box")).at(-1)!;
    expect(update).toMatchObject({ action: "update", before: { content: "Old intro" }, after: { content: "Brand *new* intro" } });

    const history = await (await get(`/admin/boxes/box/${id}/history/`)).text();
    expect(history).toContain("update by " + editor.username);
    expect(history).toContain("Old intro");
    expect(history).toContain("Brand *new* intro");
  });

  it("renames a box and invalidates both labels", async () => {
    await ctx.services.boxes.saveBox({ input: box("widget-about-psf", "About the PSF") });
    expect(await ctx.services.boxes.getBoxesHtml({ labels: ["widget-about-psf"] })).toHaveProperty("widget-about-psf");
    const { id } = await ctx.deps.db.box.findUniqueOrThrow({ where: { label: "widget-about-psf" } });
    expect((await post(`/admin/boxes/box/${id}/change/`, box("widget-about-the-psf", "About the PSF"))).status).toBe(303);
    const html = await ctx.services.boxes.getBoxesHtml({ labels: ["widget-about-psf", "widget-about-the-psf"] });
    expect(Object.keys(html)).toEqual(["widget-about-the-psf"]);
    expect(html["widget-about-the-psf"]).toContain("About the PSF");
  });

  it("keeps odd input to 4xx: 10,000 characters, NUL bytes, emoji", async () => {
    const long = await post("/admin/boxes/box/add/", box("x".repeat(10_000)));
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Use at most 100 characters.");
    const nul = await post("/admin/boxes/box/add/", box("nul", "a\u0000b"));
    expect(nul.status).toBe(422);
    expect(await nul.text()).toContain("Remove the NUL characters");
    const badType = await post("/admin/boxes/box/add/", { ...box("typed", "x"), contentMarkupType: "python" });
    expect(badType.status).toBe(422);
    expect(await badType.text()).toContain("Select a valid choice.");
    const emoji = await post("/admin/boxes/box/add/", box("emoji", "🐍 Python ❤️ ünïcödé"));
    expect(emoji.status).toBe(303);
    expect((await ctx.deps.db.box.findUniqueOrThrow({ where: { label: "emoji" } })).content).toBe("🐍 Python ❤️ ünïcödé");
    const bigButValid = await post("/admin/boxes/box/add/", box("big", "word ".repeat(2_000)));
    expect(bigButValid.status).toBe(303);
  });
});

describe("boxes admin: delete", () => {
  it("asks for confirmation, then deletes with an audit entry", async () => {
    await ctx.services.boxes.saveBox({ input: box("doomed", "bye") });
    const { id } = await ctx.deps.db.box.findUniqueOrThrow({ where: { label: "doomed" } });
    const confirm = await get(`/admin/boxes/box/${id}/delete/`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Are you sure you want to delete the box “doomed”?");
    expect(await ctx.deps.db.box.count()).toBe(1);

    const response = await post(`/admin/boxes/box/${id}/delete/`, {});
    expect(response.status).toBe(303);
    expect(await (await followRedirect(ctx, editor.cookie, response)).text()).toContain("Box “doomed” was deleted.");
    expect(await ctx.deps.db.box.count()).toBe(0);
    expect((await auditRows(ctx, "boxes.box")).at(-1)).toMatchObject({ action: "delete", objectId: String(id), after: null, before: { label: "doomed" } });
    expect(await (await get(`/admin/boxes/box/${id}/history/`)).text()).toContain("delete by");
    expect((await get(`/admin/boxes/box/${id}/change/`)).status).toBe(404);
  });

  it("deletes several boxes through the bulk action after confirmation", async () => {
    await seedBoxes(3);
    const ids = (await ctx.deps.db.box.findMany({ orderBy: { id: "asc" } })).map((row) => String(row.id));
    const ask = await post("/admin/boxes/box/action/", { action: "delete_selected", ids: ids.slice(0, 2), return: "o=-label" });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Are you sure you want to delete these 2 boxes?");
    const done = await post("/admin/boxes/box/action/", { action: "delete_selected", ids: ids.slice(0, 2), confirm: "yes", return: "o=-label" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/boxes/box/?o=-label");
    expect(await ctx.deps.db.box.count()).toBe(1);
    expect((await auditRows(ctx, "boxes.box")).map((row) => row.action)).toEqual(["delete", "delete"]);
  });
});

describe("markup preview", () => {
  it("renders server-side and sanitises scripts (the JavaScript preview)", async () => {
    const response = await post("/admin/preview/markup", { source: "# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))", markup_type: "markdown_unsafe" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Title</h1>");
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/href="javascript/i);
    const html2 = await (await post("/admin/preview/markup", { source: '<img src=x onerror="alert(1)"><script>x</script>', markup_type: "html" })).text();
    expect(html2).not.toMatch(/onerror|<script/);
    expect((await post("/admin/preview/markup", { source: "x", markup_type: "python" })).status).toBe(422);
  });

  it("re-renders the form with a preview when JavaScript is off, saving nothing", async () => {
    const response = await post("/admin/boxes/box/add/", { ...box("draft", "Some *emphasis* <script>bad()</script>"), _preview: "1" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Some <em>emphasis</em>");
    expect(html).not.toContain("<script>bad()");
    expect(html).toContain("&lt;script&gt;bad()&lt;/script&gt;");
    expect(await ctx.deps.db.box.count()).toBe(0);
  });

  it("is for staff only", async () => {
    const member = await signInAs(ctx, { isStaff: false });
    // Like every admin page (Django's admin_view): not staff → the admin login page.
    const response = await post("/admin/preview/markup", { source: "x", markup_type: "plain" }, member);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/login/?next=/admin/preview/markup");
  });
});

describe("boxes admin: view on site", () => {
  it("links a box to /box/<label>/", async () => {
    const created = await ctx.deps.db.box.create({ data: { label: "download-sources", content: "x", contentRendered: "x" } });
    expect(await (await get(`/admin/boxes/box/${created.id}/change/`)).text()).toContain('<a href="/box/download-sources/" class="view-on-site">View on site</a>');
  });
});
