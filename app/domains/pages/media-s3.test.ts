// Page images with the S3 backend: the real upload, /media/ and delete routes of the app
// against s3rver on 127.0.0.1 (signatures checked, see app/testing/s3-server.ts).
import { pageInput } from "../../testing/factories/pages.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Storage, MEDIA_URL_PREFIX } from "../../core/storage/index.ts";
import { type LocalS3, startLocalS3 } from "../../testing/s3-server.ts";
import { signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { csrfPair } from "../../testing/auth.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("page media in an S3 bucket", () => {
  let s3: LocalS3;
  let ctx: TestContext;
  beforeAll(async () => {
    s3 = await startLocalS3({ bucket: "media" });
    const storage = createS3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, credentials: s3.credentials, baseUrl: MEDIA_URL_PREFIX });
    ctx = await createTestContext({ storage });
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close();
  });

  it("uploads to the bucket, serves the object at /media/ and deletes it", async () => {
    await ctx.reset();
    await syncAdminPermissions(ctx);
    const staff = await signInAs(ctx, { permissions: ["pages.view_page", "pages.change_page"] });
    const page = await ctx.services.pages.savePage({
      input: pageInput({ path: "community/logos" }),
    });
    const form = new FormData();
    form.set("csrf_token", csrfPair(ctx).token);
    form.set("kind", "image");
    form.set("file", new File([PNG.slice().buffer as ArrayBuffer], "Logo.png"));
    const uploaded = await ctx.app.request(`/admin/pages/page/${page.id}/files/`, { method: "POST", body: form, headers: { cookie: staff.cookie } });
    expect(uploaded.status).toBe(303);
    expect(s3.log.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual(["HEAD /media/community/logos/Logo.png", "PUT /media/community/logos/Logo.png"]);
    expect((await s3.getObject("community/logos/Logo.png")).headers.get("content-type")).toBe("image/png");

    const served = await ctx.app.request("/media/community/logos/Logo.png");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-length")).toBe(String(PNG.length));
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect((await ctx.app.request("/media/community/logos/none.png")).status).toBe(404);

    const image = await ctx.deps.db.pageImage.findFirstOrThrow({ where: { pageId: page.id } });
    const removed = await ctx.app.request(`/admin/pages/page/${page.id}/files/image/${image.id}/delete/`, {
      method: "POST",
      body: new URLSearchParams({ csrf_token: csrfPair(ctx).token }),
      headers: { cookie: staff.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(removed.status).toBe(303);
    expect((await s3.getObject("community/logos/Logo.png")).status).toBe(404);
  });
});
