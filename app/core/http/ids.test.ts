// Ids beyond PostgreSQL's `integer` range name no row: every API answers them as it answers
// any missing record (404, `not_found`, a 400 for a bad choice), never with a 500.
import { beforeEach, describe, expect, it } from "vitest";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";
import { createTestUser } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { MAX_DB_ID, parseDbId } from "./ids.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
let v1Key: string;
let v2Token: string;
const HUGE = "99999999999";
const JUST_OVER = String(MAX_DB_ID + 1);

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
  const manager = await createTestUser(ctx, { username: "release-manager", isStaff: true });
  v1Key = `ApiKey ${manager.username}:${await ctx.services.users.issueApiKey({ userId: manager.id })}`;
  v2Token = `Token ${await ctx.services.users.issueAuthToken({ userId: manager.id })}`;
});

const get = (path: string, authorization?: string, method = "GET") => ctx.app.request(path, { method, headers: authorization ? { Authorization: authorization } : {} });

describe("parseDbId", () => {
  it("accepts digits naming a possible row and nothing else", () => {
    expect(parseDbId("1")).toBe(1);
    expect(parseDbId("007")).toBe(7);
    expect(parseDbId(String(MAX_DB_ID))).toBe(MAX_DB_ID);
    for (const raw of ["0", JUST_OVER, HUGE, "9".repeat(400), "-1", "+1", "1.0", " 1", "1e3", "", undefined]) expect(parseDbId(raw), String(raw)).toBeUndefined();
  });
});

describe("API v1 (tastypie)", () => {
  it("lists ids beyond the range in not_found of a multi-get, as any missing id", async () => {
    const id = fx.releases.py3140;
    const response = await get(`/api/v1/downloads/release/set/${id};${HUGE};${JUST_OVER}/`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { objects: Array<{ resource_uri: string }>; not_found: string[] };
    expect(body.objects.map((object) => object.resource_uri)).toEqual([`/api/v1/downloads/release/${id}/`]);
    expect(body.not_found).toEqual([HUGE, JUST_OVER]);
    for (const resource of ["os", "release_file"]) {
      const other = await get(`/api/v1/downloads/${resource}/set/1;2;${HUGE}/`);
      expect(other.status, resource).toBe(200);
      expect(((await other.json()) as { not_found: string[] }).not_found, resource).toContain(HUGE);
    }
  });

  it("answers 404 for a detail beyond the range, and 204 for deleting its files", async () => {
    for (const path of [
      `/api/v1/downloads/release/${JUST_OVER}/`,
      `/api/v1/downloads/os/${HUGE}/`,
      `/api/v1/downloads/release_file/${HUGE}/`,
      `/api/v1/pages/page/${JUST_OVER}/`,
      `/api/v1/pages/page/${HUGE}/`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get(`/api/v1/downloads/release/${HUGE}/`, v1Key, "DELETE")).status).toBe(404);
    expect((await get(`/api/v1/downloads/release_file/?release=${HUGE}`, v1Key, "DELETE")).status).toBe(204);
    expect(await ctx.deps.db.releaseFile.count()).toBeGreaterThan(0);
  });

  it("refuses a related resource URI beyond the range as an invalid value, not a 500", async () => {
    const response = await ctx.app.request("/api/v1/downloads/release_file/", {
      method: "POST",
      headers: { Authorization: v1Key, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "x",
        slug: "x",
        os: `/api/v1/downloads/os/${HUGE}/`,
        release: `/api/v1/downloads/release/${JUST_OVER}/`,
        url: "https://www.python.org/ftp/python/x.tgz",
      }),
    });
    expect(response.status).toBe(400);
  });

  it("treats filters on ids beyond the range as matching nothing", async () => {
    for (const query of [`release=${HUGE}`, `os=${JUST_OVER}`]) {
      const response = await get(`/api/v1/downloads/release_file/?${query}`);
      expect(response.status, query).toBe(200);
      expect(((await response.json()) as { objects: unknown[] }).objects, query).toEqual([]);
    }
  });
});

describe("API v2 (DRF)", () => {
  it("answers DRF's 404 for a detail beyond the range", async () => {
    for (const path of [`/api/v2/downloads/release/${HUGE}/`, `/api/v2/downloads/os/${JUST_OVER}/`, `/api/v2/downloads/release_file/${HUGE}/`, `/api/v2/pages/page/${HUGE}/`]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual({ detail: "Not found." });
    }
    expect((await get(`/api/v2/downloads/release/${HUGE}/`, v2Token, "DELETE")).status).toBe(404);
  });

  it("refuses a filter id beyond the range as an invalid choice, and deletes nothing for one", async () => {
    const response = await get(`/api/v2/downloads/release_file/?release=${HUGE}`);
    expect(response.status).toBe(400);
    expect((await get(`/api/v2/downloads/release/?version=${HUGE}`)).status).toBe(200);
    expect((await get(`/api/v2/downloads/release_file/delete_by_release/?release=${HUGE}`, v2Token, "DELETE")).status).toBe(204);
    expect(await ctx.deps.db.releaseFile.count()).toBeGreaterThan(0);
  });
});
