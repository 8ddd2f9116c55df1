// The S3 backend against an in-process fake bucket that verifies every signature: directly,
// then through the real upload, /media/ and delete routes of the app.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { csrfPair } from "../../testing/auth.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createStorage } from "./factory.ts";
import { createS3Storage, S3Error } from "./s3.ts";
import { type FakeS3, startFakeS3 } from "./s3-fake.ts";
import type { FileStorage } from "./storage.ts";

const credentials = { accessKeyId: "AKIDTESTFAKE", secretAccessKey: "fake/secret+KEY-never-shown" };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let fake: FakeS3;
let storage: FileStorage;
beforeAll(async () => {
  fake = await startFakeS3({ bucket: "media", region: "eu-west-3", credentials });
  storage = createS3Storage({ endpoint: fake.endpoint, bucket: "media", region: "eu-west-3", credentials, baseUrl: "/media/" });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.objects.clear();
  fake.log.length = 0;
});

const text = async (body: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(body).arrayBuffer());

describe("S3 media storage", () => {
  it("puts, finds, streams and deletes objects with signed requests", async () => {
    await storage.put("community/café/notes.txt", new TextEncoder().encode("hello"));
    expect(fake.objects.get("community/café/notes.txt")).toEqual({ body: Buffer.from("hello"), contentType: "text/plain; charset=utf-8" });
    expect(fake.log[0]).toBe("PUT /media/community/caf%C3%A9/notes.txt 200");
    expect(fake.signedHeaders.get("PUT")).toEqual(["content-length", "content-type", "host", "if-none-match", "x-amz-content-sha256", "x-amz-date"]);

    expect(await storage.exists("community/café/notes.txt")).toBe(true);
    expect(await storage.exists("community/café/other.txt")).toBe(false);
    const file = await storage.open("community/café/notes.txt");
    expect(file?.size).toBe(5);
    expect(await text(file!.body)).toBe("hello");
    expect(await storage.open("missing.txt")).toBeNull();

    await storage.delete("community/café/notes.txt");
    await storage.delete("community/café/notes.txt");
    expect(fake.objects.size).toBe(0);
    expect(storage.url("community/café/notes.txt")).toBe("/media/community/caf%C3%A9/notes.txt");
  });

  it("never overwrites an object and refuses unsafe keys without asking the bucket", async () => {
    await storage.put("files/a.pdf", PNG);
    await expect(storage.put("files/a.pdf", PNG)).rejects.toMatchObject({ status: 412, code: "PreconditionFailed" });
    await expect(storage.put("../escape.png", PNG)).rejects.toThrow("Unsafe storage key");
    expect(await storage.open("a/../b.png")).toBeNull();
    expect(fake.log).toHaveLength(2);
  });

  it("reports a bad signature without revealing the credentials", async () => {
    const wrong = createS3Storage({ endpoint: fake.endpoint, bucket: "media", region: "eu-west-3", credentials: { ...credentials, secretAccessKey: "not-the-secret" }, baseUrl: "/media/" });
    const error = await wrong.put("files/x.pdf", PNG).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    const message = String((error as Error).message) + String((error as Error).stack);
    for (const secret of ["not-the-secret", credentials.secretAccessKey, credentials.accessKeyId]) expect(message).not.toContain(secret);
    expect(fake.objects.size).toBe(0);
  });

  it("is chosen by the factory only when S3_ENDPOINT is set, and then needs the other settings", () => {
    const disk = { root: "/tmp/unused-media", baseUrl: "/media/" };
    expect(createStorage({}, disk).kind).toBe("disk");
    expect(createStorage({ S3_ENDPOINT: fake.endpoint, S3_BUCKET: "media", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "s" }, disk).kind).toBe("s3");
    expect(() => createStorage({ S3_ENDPOINT: fake.endpoint, S3_SECRET_ACCESS_KEY: "hidden-value" }, disk)).toThrow(/^S3_ENDPOINT is set, so S3_BUCKET, S3_ACCESS_KEY_ID must be set too$/);
  });
});

describe("S3 media through the app", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ storage });
  });
  afterAll(async () => ctx.close());

  it("uploads to the bucket, serves the object at /media/ and deletes it", async () => {
    await ctx.reset();
    await syncAdminPermissions(ctx);
    const staff = await signInAs(ctx, { permissions: ["pages.view_page", "pages.change_page"] });
    const page = await ctx.services.pages.savePage({ input: { title: "Logos", path: "community/logos", content: "", contentMarkupType: "markdown", isPublished: true, keywords: "", description: "", contentType: "text/html", templateName: "" } });
    const form = new FormData();
    form.set("csrf_token", csrfPair(ctx).token);
    form.set("kind", "image");
    form.set("file", new File([PNG.slice().buffer as ArrayBuffer], "Logo.png"));
    const uploaded = await ctx.app.request(`/admin/pages/page/${page.id}/files/`, { method: "POST", body: form, headers: { cookie: staff.cookie } });
    expect(uploaded.status).toBe(303);
    expect(fake.objects.get("community/logos/Logo.png")?.contentType).toBe("image/png");
    expect(fake.log.map((line) => line.split(" ")[0])).toEqual(["HEAD", "PUT"]);

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
    expect(fake.objects.size).toBe(0);
  });
});
