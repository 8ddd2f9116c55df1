// The editors' side: pages with markup preview and publishing, menu items with ordering,
// redirects, and image/document uploads checked by content.
import { pageInput } from "../../testing/factories/pages.ts";
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, followRedirect, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { csrfPair } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();
let editor: SignedIn;
const PERMISSIONS = ["page", "tree", "treeitem", "redirect"].flatMap((model) => {
  const app = model === "page" ? "pages" : model === "redirect" ? "redirects" : "sitetree";
  return ["view", "add", "change", "delete"].map((action) => `${app}.${action}_${model}`);
});

beforeEach(async () => {
  await syncAdminPermissions(ctx);
  editor = await signInAs(ctx, { permissions: PERMISSIONS });
});

const get = (url: string, who: SignedIn = editor) => ctx.app.request(url, { headers: { cookie: who.cookie } });
const post = (url: string, fields: Record<string, string | string[]>) => ctx.app.request(url, adminPost(ctx, editor.cookie, fields));
const pageForm = (extra: Record<string, string> = {}) => ({
  title: "Snake care",
  path: "about/snake-care",
  contentMarkupType: "markdown",
  content: "# Feeding\n\nMice, *weekly*.",
  templateName: "",
  contentType: "text/html",
  ...extra,
});

describe("pages admin", () => {
  it("previews Markdown without saving, saves a draft, then publishes it", async () => {
    const preview = await post("/admin/pages/page/add/", { ...pageForm(), _preview: "1" });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("Mice, <em>weekly</em>.");
    expect(await ctx.deps.db.page.count()).toBe(0);

    const created = await post("/admin/pages/page/add/", { ...pageForm(), _continue: "1" });
    expect(created.status).toBe(303);
    const saved = await ctx.deps.db.page.findUniqueOrThrow({ where: { path: "about/snake-care" } });
    expect(saved).toMatchObject({ isPublished: false, creatorId: editor.id });
    expect((await ctx.app.request("/about/snake-care/")).status).toBe(404);
    expect(await (await get("/about/snake-care/")).text()).toContain("This page is a draft");

    expect((await post(`/admin/pages/page/${saved.id}/change/`, { ...pageForm(), isPublished: "on" })).status).toBe(303);
    const html = await (await ctx.app.request("/about/snake-care/")).text();
    expect(html).toContain('<h1 class="page-title">Snake care</h1>');
    expect(html).toContain("<h1>Feeding</h1>");
  });

  it("normalises a typed path (slashes, capitals), says so after saving, and lists the page in the navigation from the same form", async () => {
    const tree = await ctx.services.pages.saveTree({ input: { alias: "main", title: "Python.org" } });
    const base = { treeId: tree.id, hint: "", urlAsPattern: false, hidden: false, alias: null, description: "", inMenu: true, inBreadcrumbs: true, inSitemap: true };
    const access = { accessLoggedIn: false, accessGuest: false, accessRestricted: false, accessPermType: 1 as const, permissions: [] };
    const root = await ctx.services.pages.saveItem({
      input: { ...base, ...access, parentId: null, title: "Python", url: "home", urlAsPattern: true, alias: "python-meta", sortOrder: 0 },
    });
    const about = await ctx.services.pages.saveItem({ input: { ...base, ...access, parentId: root.id, title: "About", url: "/about/", sortOrder: 1 } });
    await ctx.services.pages.saveItem({ input: { ...base, ...access, parentId: about.id, title: "Applications", url: "/about/apps/", sortOrder: 1 } });

    const form = await (await get("/admin/pages/page/add/")).text();
    expect(form).toContain('<label for="id_navParentId">Show in the navigation under</label>');
    expect(form).toContain(`<option value="${about.id}">Python › About</option>`);

    const response = await post(
      "/admin/pages/page/add/",
      pageForm({ title: "New page", path: "/About/New-Page/", isPublished: "on", navParentId: String(about.id), _continue: "1" }),
    );
    expect(response.status).toBe(303);
    const page = await ctx.deps.db.page.findUniqueOrThrow({ where: { path: "about/new-page" } });
    const changeForm = await (await followRedirect(ctx, editor.cookie, response)).text();
    expect(changeForm).toContain(
      "The path “/About/New-Page/” was saved as “about/new-page” (the page is at /about/new-page/): paths are stored without the leading and trailing slashes, in lower case.",
    );
    expect(changeForm).toContain('value="about/new-page"');

    const sidebar = await (await ctx.app.request("/about/new-page/")).text();
    expect(sidebar).toMatch(/<aside class="sidebar"[\s\S]*href="\/about\/new-page\/"[\s\S]*<\/aside>/);

    // Saving again under the same parent adds no second link.
    expect(
      (await post(`/admin/pages/page/${page.id}/change/`, pageForm({ title: "New page", path: "about/new-page", isPublished: "on", navParentId: String(about.id) }))).status,
    ).toBe(303);
    expect(await ctx.deps.db.navItem.count({ where: { url: "/about/new-page/" } })).toBe(1);
  });

  it("keeps a stored legacy path with capitals as it is when saved unchanged", async () => {
    const legacy = await ctx.deps.db.page.create({ data: { title: "Old", path: "about/Old", content: "x", contentMarkupType: "markdown", contentRendered: "x" } });
    expect((await post(`/admin/pages/page/${legacy.id}/change/`, pageForm({ title: "Old", path: "about/Old" }))).status).toBe(303);
    expect((await ctx.deps.db.page.findUniqueOrThrow({ where: { id: legacy.id } })).path).toBe("about/Old");
  });

  it("refuses invalid or taken paths with 422 next to the field", async () => {
    const invalid = await post("/admin/pages/page/add/", pageForm({ path: "About_Us" }));
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain("Use lowercase letters, digits, hyphens and periods");
    await post("/admin/pages/page/add/", pageForm());
    const taken = await post("/admin/pages/page/add/", pageForm({ path: "/about/snake-care/" }));
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("A page with this path already exists.");
  });

  it("publishes several pages with the bulk action", async () => {
    for (const slug of ["a", "b"])
      await ctx.services.pages.savePage({
        input: { ...pageForm({ path: `bulk/${slug}` }), isPublished: false, keywords: "", description: "", contentMarkupType: "markdown", templateName: "" },
      });
    const ids = (await ctx.deps.db.page.findMany()).map((row) => String(row.id));
    const done = await post("/admin/pages/page/action/", { action: "publish", ids, confirm: "yes" });
    expect(done.status).toBe(303);
    expect(await ctx.deps.db.page.count({ where: { isPublished: true } })).toBe(2);
  });
});

describe("menus and redirects admin", () => {
  it("adds a menu item that appears in the navigation at once, and reorders siblings", async () => {
    const tree = await ctx.services.pages.saveTree({ input: { alias: "main", title: "Python.org" } });
    const base = {
      treeId: tree.id,
      parentId: null,
      hint: "",
      urlAsPattern: false,
      hidden: false,
      alias: null,
      description: "",
      inMenu: true,
      inBreadcrumbs: true,
      inSitemap: true,
      accessLoggedIn: false,
      accessGuest: false,
      accessRestricted: false,
      accessPermType: 1 as const,
      permissions: [],
    };
    const root = await ctx.services.pages.saveItem({ input: { ...base, title: "Python", url: "home", urlAsPattern: true, alias: "python-meta", sortOrder: 0 } });
    const about = await ctx.services.pages.saveItem({ input: { ...base, parentId: root.id, title: "About", url: "/about/", sortOrder: 1 } });
    await ctx.services.pages.saveItem({ input: { ...base, parentId: root.id, title: "Downloads", url: "/downloads/", sortOrder: 2 } });
    expect(await (await ctx.app.request("/")).text()).toContain('id="nav-about"');

    const response = await post("/admin/sitetree/treeitem/add/", {
      treeId: String(tree.id),
      parentId: String(about.id),
      title: "Snake care",
      url: "/about/snake-care/",
      sortOrder: "5",
      accessPermType: "1",
      inMenu: "on",
      inBreadcrumbs: "on",
      inSitemap: "on",
    });
    expect(response.status).toBe(303);
    expect(await (await ctx.app.request("/")).text()).toContain('<a href="/about/snake-care/">Snake care</a>');

    const moved = await post("/admin/sitetree/treeitem/action/", {
      action: "move_up",
      ids: [String((await ctx.deps.db.navItem.findFirstOrThrow({ where: { title: "Downloads" } })).id)],
      confirm: "yes",
    });
    expect(moved.status).toBe(303);
    const html = await (await ctx.app.request("/")).text();
    expect(html.indexOf('id="nav-downloads"')).toBeLessThan(html.indexOf('id="nav-about"'));
  });

  it("refuses a parent from another tree or under the item itself", async () => {
    const main = await ctx.services.pages.saveTree({ input: { alias: "main", title: "" } });
    const other = await ctx.services.pages.saveTree({ input: { alias: "other", title: "" } });
    const base = {
      parentId: null,
      hint: "",
      urlAsPattern: false,
      hidden: false,
      alias: null,
      description: "",
      inMenu: true,
      inBreadcrumbs: true,
      inSitemap: true,
      accessLoggedIn: false,
      accessGuest: false,
      accessRestricted: false,
      accessPermType: 1 as const,
      permissions: [],
      sortOrder: 0,
    };
    const a = await ctx.services.pages.saveItem({ input: { ...base, treeId: main.id, title: "A", url: "/a/" } });
    const b = await ctx.services.pages.saveItem({ input: { ...base, treeId: main.id, parentId: a.id, title: "B", url: "/b/" } });
    await expect(ctx.services.pages.saveItem({ input: { ...base, treeId: other.id, parentId: a.id, title: "C", url: "/c/" } })).rejects.toMatchObject({
      fields: { parentId: ["The parent must be in the same tree."] },
    });
    await expect(ctx.services.pages.saveItem({ id: a.id, input: { ...base, treeId: main.id, parentId: b.id, title: "A", url: "/a/" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("edits redirects at the legacy admin address and answers with them at once", async () => {
    const response = await post("/admin/redirects/redirect/add/", { oldPath: "/old-snakes/", newPath: "/about/snake-care/" });
    expect(response.status).toBe(303);
    expect((await ctx.app.request("/old-snakes/")).headers.get("location")).toBe("/about/snake-care/");
    const bad = await post("/admin/redirects/redirect/add/", { oldPath: "no-slash", newPath: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
  });
});

describe("page images and documents", () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  let pageId: number;

  async function upload(kind: string, name: string, bytes: Uint8Array, who: SignedIn) {
    const form = new FormData();
    form.set("csrf_token", csrfPair(ctx).token);
    form.set("kind", kind);
    form.set("file", new File([bytes.slice().buffer as ArrayBuffer], name));
    return ctx.app.request(`/admin/pages/page/${pageId}/files/`, { method: "POST", body: form, headers: { cookie: who.cookie } });
  }

  it("stores files whose bytes match an accepted type, refuses the rest, serves them safely and deletes them", async () => {
    const staff = await signInAs(ctx, { permissions: ["pages.view_page", "pages.change_page"] });
    pageId = (
      await ctx.services.pages.savePage({
        input: pageInput({ path: "community/logos" }),
      })
    ).id;

    const ok = await upload("image", "Python Logo (final).PNG", PNG, staff);
    expect(ok.status).toBe(303);
    const image = await ctx.deps.db.pageImage.findFirstOrThrow({ where: { pageId } });
    expect(image).toMatchObject({ contentType: "image/png", size: PNG.length });
    expect(image.file).toMatch(/^community\/logos\/Python-Logo-final(_[0-9a-f]{8})?\.png$/);
    const served = await ctx.app.request(`/media/${image.file}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    const fake = await upload("image", "evil.png", new TextEncoder().encode("<svg onload=alert(1)>"), staff);
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain("Upload a PNG, JPEG, GIF or WebP image.");
    const pdf = await upload("document", "minutes.pdf", new TextEncoder().encode("%PDF-1.7\n..."), staff);
    expect(pdf.status).toBe(303);
    const document = await ctx.deps.db.pageDocument.findFirstOrThrow({ where: { pageId } });
    expect(document.file).toMatch(/^files\/minutes(_[0-9a-f]{8})?\.pdf$/);
    const html = await upload("document", "page.txt", new TextEncoder().encode("<html><script>x</script>"), staff);
    expect(html.status).toBe(422);

    const list = await (await ctx.app.request(`/admin/pages/page/${pageId}/files/`, { headers: { cookie: staff.cookie } })).text();
    expect(list).toContain(image.file.split("/").pop()!);
    const csrf = csrfPair(ctx).token;
    const removed = await ctx.app.request(`/admin/pages/page/${pageId}/files/image/${image.id}/delete/`, {
      method: "POST",
      body: new URLSearchParams({ csrf_token: csrf }),
      headers: { cookie: staff.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(removed.status).toBe(303);
    expect(removed.headers.get("location")).toBe(`/admin/pages/page/${pageId}/files/`);
    expect((await ctx.app.request(`/media/${image.file}`)).status).toBe(404);

    const reader = await signInAs(ctx, { permissions: ["pages.view_page"] });
    expect((await upload("image", "x.png", PNG, reader)).status).toBe(403);
  });
});

describe("pages admin: view on site", () => {
  it("links drafts and published pages to their public path", async () => {
    await post("/admin/pages/page/add/", pageForm());
    const draft = await ctx.deps.db.page.findUniqueOrThrow({ where: { path: "about/snake-care" } });
    const form = await (await get(`/admin/pages/page/${draft.id}/change/`)).text();
    expect(form).toContain('<a href="/about/snake-care/" class="view-on-site">View on site</a>');
    // The link works for staff: the draft opens with its notice.
    expect(await (await get("/about/snake-care/")).text()).toContain("This page is a draft");
  });
});
