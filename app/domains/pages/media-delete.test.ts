// Issue 15 item 7: deleting a page (admin or API v1) or one of its files removes the stored
// objects from the disk backend, so nothing stays public under /media/.
import { pageInput } from "../../testing/factories/pages.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { csrfPair } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let staff: SignedIn;

beforeEach(async () => {
  await syncAdminPermissions(ctx);
  staff = await signInAs(ctx, { permissions: ["pages.view_page", "pages.change_page", "pages.delete_page"] });
});

async function pageWithFiles(pagePath: string) {
  const page = await ctx.services.pages.savePage({
    input: pageInput({ path: pagePath }),
  });
  for (const [kind, name, bytes] of [
    ["image", "logo.png", PNG],
    ["document", "notes.pdf", new TextEncoder().encode("%PDF-1.7\n...")],
  ] as const) {
    const form = new FormData();
    form.set("csrf_token", csrfPair(ctx).token);
    form.set("kind", kind);
    form.set("file", new File([bytes.slice().buffer as ArrayBuffer], name));
    const response = await ctx.app.request(`/admin/pages/page/${page.id}/files/`, { method: "POST", body: form, headers: { cookie: staff.cookie } });
    expect(response.status).toBe(303);
  }
  const keys = [
    (await ctx.deps.db.pageImage.findFirstOrThrow({ where: { pageId: page.id } })).file,
    (await ctx.deps.db.pageDocument.findFirstOrThrow({ where: { pageId: page.id } })).file,
  ];
  for (const key of keys) expect((await ctx.app.request(`/media/${key}`)).status).toBe(200);
  return { id: page.id, keys };
}

const onDisk = (key: string) => existsSync(path.join(ctx.deps.config.MEDIA_DIR, key));

describe("deleting pages removes their stored files", () => {
  it("the admin's delete takes the page's images and documents off /media/ and off the disk", async () => {
    const page = await pageWithFiles("community/logos");
    expect(page.keys.every(onDisk)).toBe(true);
    const response = await ctx.app.request(`/admin/pages/page/${page.id}/delete/`, adminPost(ctx, staff.cookie, { confirm: "yes" }));
    expect(response.status).toBe(303);
    expect(await ctx.deps.db.page.count({ where: { id: page.id } })).toBe(0);
    for (const key of page.keys) {
      expect((await ctx.app.request(`/media/${key}`)).status).toBe(404);
      expect(onDisk(key)).toBe(false);
    }
  });

  it("the v1 API's delete does the same", async () => {
    const page = await pageWithFiles("community/badges");
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: staff.id } });
    const key = await ctx.services.users.issueApiKey({ userId: user.id });
    const response = await ctx.app.request(`/api/v1/pages/page/${page.id}/`, { method: "DELETE", headers: { Authorization: `ApiKey ${user.username}:${key}` } });
    expect(response.status).toBe(204);
    for (const stored of page.keys) expect((await ctx.app.request(`/media/${stored}`)).status).toBe(404);
  });

  it("keeps the files when the delete fails, and deleting one file removes only that one", async () => {
    const page = await pageWithFiles("community/kept");
    const image = await ctx.deps.db.pageImage.findFirstOrThrow({ where: { pageId: page.id } });
    const removed = await ctx.app.request(`/admin/pages/page/${page.id}/files/image/${image.id}/delete/`, adminPost(ctx, staff.cookie, {}));
    expect(removed.status).toBe(303);
    expect(onDisk(page.keys[0]!)).toBe(false);
    expect(onDisk(page.keys[1]!)).toBe(true);
    // Deleting a page that is not there changes nothing on disk.
    await expect(ctx.services.pages.deletePage({ id: page.id + 1000 })).rejects.toThrow();
    expect(onDisk(page.keys[1]!)).toBe(true);
  });
});
