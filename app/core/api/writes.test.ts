// Issue 15 items 3 and 4, through the real app: every API write (v1 tastypie and v2 DRF,
// downloads and pages) leaves an audit row naming the user and the credential, and
// API_WRITE_PERMISSIONS=model adds the model permission to legacy's "is staff".
import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/auth.ts";
import { createTestContext, useTestContext, type TestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";

const fingerprint = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 12);

async function staffCredentials(ctx: TestContext, username: string, permissions: string[] = []) {
  const user = await createTestUser(ctx, { username, isStaff: true, permissions });
  const key = await ctx.services.users.issueApiKey({ userId: user.id });
  const token = await ctx.services.users.issueAuthToken({ userId: user.id });
  return { id: user.id, key, token, apiKey: `ApiKey ${username}:${key}`, tokenHeader: `Token ${token}` };
}

function send(ctx: TestContext, method: string, path: string, authorization: string, body?: unknown) {
  return ctx.app.request(path, {
    method,
    headers: { Authorization: authorization, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const fileBody = (releaseId: number, osId: number, api: "v1" | "v2", name: string) => ({
  name,
  slug: `audit-${name}`,
  os: api === "v1" ? `/api/v1/downloads/os/${osId}/` : `http://testserver/api/v2/downloads/os/${osId}/`,
  release: api === "v1" ? `/api/v1/downloads/release/${releaseId}/` : `http://testserver/api/v2/downloads/release/${releaseId}/`,
  url: `https://www.python.org/ftp/python/3.14.0/${name}.tgz`,
  sigstore_bundle_file: "",
  sbom_spdx2_file: "",
});

describe("API writes are audited (legacy staff mode)", () => {
  const ctx = useTestContext();
  let fx: DownloadsFixture;
  let staff: Awaited<ReturnType<typeof staffCredentials>>;

  beforeEach(async () => {
    fx = await createDownloadsFixture(ctx.services.downloads);
    staff = await staffCredentials(ctx, "release-bot");
  });

  const rows = () => ctx.deps.db.auditLogEntry.findMany({ orderBy: { id: "asc" }, select: { actorId: true, action: true, model: true, objectId: true, via: true } });

  it("records v1 creates and deletes with the user and the API key's fingerprint", async () => {
    const created = await send(ctx, "POST", "/api/v1/downloads/release/", staff.apiKey, { name: "Python 3.14.9", is_published: true });
    expect(created.status).toBe(201);
    const releaseId = Number(/(\d+)\/$/.exec(created.headers.get("location")!)![1]);
    expect((await send(ctx, "POST", "/api/v1/downloads/release_file/", staff.apiKey, fileBody(releaseId, fx.os.source, "v1", "a"))).status).toBe(201);
    expect((await send(ctx, "DELETE", `/api/v1/downloads/release_file/?release=${releaseId}`, staff.apiKey)).status).toBe(204);
    expect((await send(ctx, "DELETE", `/api/v1/downloads/release/${releaseId}/`, staff.apiKey)).status).toBe(204);
    const page = await send(ctx, "POST", "/api/v1/pages/page/", staff.apiKey, { title: "T", path: "/about/audited/", content: "x", content_markup_type: "markdown" });
    expect(page.status).toBe(201);
    const pageId = /(\d+)\/$/.exec(page.headers.get("location")!)![1]!;
    expect((await send(ctx, "DELETE", `/api/v1/pages/page/${pageId}/`, staff.apiKey)).status).toBe(204);

    const via = `api-v1 ApiKey key:${fingerprint(staff.key)}`;
    expect(await rows()).toEqual([
      { actorId: staff.id, action: "create", model: "downloads.release", objectId: String(releaseId), via },
      { actorId: staff.id, action: "create", model: "downloads.releasefile", objectId: expect.any(String), via },
      { actorId: staff.id, action: "delete", model: "downloads.releasefile", objectId: expect.any(String), via },
      { actorId: staff.id, action: "delete", model: "downloads.release", objectId: String(releaseId), via },
      { actorId: staff.id, action: "create", model: "pages.page", objectId: pageId, via },
      { actorId: staff.id, action: "delete", model: "pages.page", objectId: pageId, via },
    ]);
  });

  it("records v2 creates, updates and deletes with the token's fingerprint and the before/after", async () => {
    const created = await send(ctx, "POST", "/api/v2/downloads/os/", staff.tokenHeader, { name: "Plan 9", slug: "plan9" });
    expect(created.status).toBe(201);
    const osId = ((await created.json()) as { resource_uri: string }).resource_uri.match(/(\d+)\/$/)![1]!;
    expect((await send(ctx, "PATCH", `/api/v2/downloads/os/${osId}/`, staff.tokenHeader, { name: "Plan 9 from Bell Labs" })).status).toBe(200);
    expect((await send(ctx, "POST", "/api/v2/downloads/release_file/", staff.tokenHeader, fileBody(fx.releases.py3140, Number(osId), "v2", "b"))).status).toBe(201);
    expect((await send(ctx, "DELETE", `/api/v2/downloads/release_file/delete_by_release/?release=${fx.releases.py3140}`, staff.tokenHeader)).status).toBe(204);
    expect((await send(ctx, "DELETE", `/api/v2/downloads/os/${osId}/`, staff.tokenHeader)).status).toBe(204);

    const via = `api-v2 Token key:${fingerprint(staff.token)}`;
    const logged = await rows();
    expect(logged.every((row) => row.via === via && row.actorId === staff.id)).toBe(true);
    expect(logged.filter((row) => row.model === "downloads.os").map((row) => row.action)).toEqual(["create", "update", "delete"]);
    // delete_by_release removed the new file and the fixture's files of 3.14.0, one row each.
    const fileDeletes = logged.filter((row) => row.model === "downloads.releasefile" && row.action === "delete");
    expect(fileDeletes.length).toBeGreaterThan(1);
    const update = await ctx.deps.db.auditLogEntry.findFirstOrThrow({ where: { model: "downloads.os", action: "update" } });
    expect(update).toMatchObject({ before: expect.objectContaining({ name: "Plan 9" }), after: expect.objectContaining({ name: "Plan 9 from Bell Labs" }) });
  });

  it("lets a staff key without model permissions write, as legacy StaffAuthorization did", async () => {
    expect((await send(ctx, "POST", "/api/v1/downloads/os/", staff.apiKey, { name: "BeOS", slug: "beos" })).status).toBe(201);
    expect((await send(ctx, "POST", "/api/v2/downloads/os/", staff.tokenHeader, { name: "Haiku", slug: "haiku" })).status).toBe(201);
  });
});

describe("API_WRITE_PERMISSIONS=model", () => {
  let ctx: TestContext;
  let fx: DownloadsFixture;
  afterAll(async () => ctx?.close());

  beforeEach(async () => {
    ctx ??= await createTestContext({ env: { API_WRITE_PERMISSIONS: "model" } });
    await ctx.reset();
    fx = await createDownloadsFixture(ctx.services.downloads);
  });

  it("refuses a staff key or token without the model permission (v1 401, v2 403) and writes nothing", async () => {
    const bare = await staffCredentials(ctx, "bare-staff");
    expect((await send(ctx, "POST", "/api/v1/downloads/release/", bare.apiKey, { name: "Python 3.14.9" })).status).toBe(401);
    expect((await send(ctx, "DELETE", `/api/v1/downloads/release/${fx.releases.py3140}/`, bare.apiKey)).status).toBe(401);
    expect((await send(ctx, "DELETE", `/api/v1/downloads/release_file/?release=${fx.releases.py3140}`, bare.apiKey)).status).toBe(401);
    expect((await send(ctx, "PATCH", `/api/v2/downloads/release/${fx.releases.py3140}/`, bare.tokenHeader, { is_published: false })).status).toBe(403);
    expect((await send(ctx, "DELETE", `/api/v2/downloads/release_file/delete_by_release/?release=${fx.releases.py3140}`, bare.tokenHeader)).status).toBe(403);
    expect((await send(ctx, "POST", "/api/v1/pages/page/", bare.apiKey, { title: "T", path: "/about/x/", content: "x" })).status).toBe(401);
    expect(await ctx.services.downloads.getRelease({ id: fx.releases.py3140 })).toMatchObject({ isPublished: true });
    expect(await ctx.services.downloads.countFiles({ query: { release: { id: { equals: fx.releases.py3140 } } } })).toBeGreaterThan(0);
    expect(await ctx.deps.db.auditLogEntry.count()).toBe(0);
  });

  it("allows each write its permission grants, and only that one", async () => {
    const manager = await staffCredentials(ctx, "release-manager", ["downloads.add_release", "downloads.change_release"]);
    expect((await send(ctx, "POST", "/api/v1/downloads/release/", manager.apiKey, { name: "Python 3.14.9" })).status).toBe(201);
    expect((await send(ctx, "PATCH", `/api/v2/downloads/release/${fx.releases.py3140}/`, manager.tokenHeader, { is_published: false })).status).toBe(200);
    expect((await send(ctx, "DELETE", `/api/v1/downloads/release_file/?release=${fx.releases.py3140}`, manager.apiKey)).status).toBe(204);
    // No delete_release: the delete is refused.
    expect((await send(ctx, "DELETE", `/api/v2/downloads/release/${fx.releases.py3140}/`, manager.tokenHeader)).status).toBe(403);
    expect((await send(ctx, "POST", "/api/v1/downloads/os/", manager.apiKey, { name: "BeOS", slug: "beos" })).status).toBe(401);
  });
});
