// Two real web processes sharing PostgreSQL and Redis, as production runs them: a
// release saved through one is shown at once by the other, from the home page to the
// release page, though both held the pages in memory.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser } from "../testing/auth.ts";
import { useTestContext } from "../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../testing/factories/downloads.ts";
import { startServerProcess, type ServerProcess } from "../testing/server-process.ts";

const ctx = useTestContext();
let first: ServerProcess;
let second: ServerProcess;
let fixture: DownloadsFixture;

beforeAll(async () => {
  const { config } = ctx.deps;
  const env = {
    NODE_ENV: "test",
    SITE_URL: "http://testserver",
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: config.REDIS_URL!,
    REDIS_PREFIX: config.REDIS_PREFIX,
    MEDIA_DIR: config.MEDIA_DIR,
  };
  [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const cacheState = async (server: ServerProcess, path: string) => {
  const response = await fetch(server.origin + path);
  return { status: response.status, cache: response.headers.get("x-response-cache"), body: await response.text() };
};

it("drops a saved release's pages in every process at once", async () => {
  fixture = await createDownloadsFixture(ctx.services.downloads);
  await ctx.drainJobs();
  const staff = await createTestUser(ctx, { username: "release-manager", isStaff: true });
  const token = await ctx.services.users.issueAuthToken({ userId: staff.id });
  const paths = ["/", "/downloads/", "/downloads/release/python-3140/"];
  for (const server of [first, second]) {
    for (const path of paths) await cacheState(server, path);
    for (const path of paths) expect([path, (await cacheState(server, path)).cache]).toEqual([path, "hit"]);
  }

  const patch = (id: number, body: object) =>
    fetch(`${first.origin}/api/v2/downloads/release/${id}/`, {
      method: "PATCH",
      headers: { Authorization: `Token ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  // A release manager publishes 3.14.1 and points 3.14.0 at new notes, through the first process.
  for (const [id, body] of [
    [fixture.releases.py3140, { release_notes_url: "https://docs.python.org/3.14/whatsnew/two-processes.html" }],
    [fixture.releases.draft, { is_published: true, is_latest: true }],
  ] as const) {
    const patched = await patch(id, body);
    expect([patched.status, patched.status === 200 ? "" : await patched.text()]).toEqual([200, ""]);
  }
  // The downloads pages change with the write itself, in the other process.
  const release = await cacheState(second, "/downloads/release/python-3140/");
  expect([release.cache, release.body.includes("two-processes.html")]).toEqual(["miss", true]);
  const downloads = await cacheState(second, "/downloads/");
  expect([downloads.cache, downloads.body.includes("Python 3.14.1")]).toEqual(["miss", true]);
  // The home page shows the latest release through the downloads box, which the write's job rebuilds.
  await ctx.drainJobs();
  // The second builds it anew; the first may answer with that copy from Redis, never with its own old one.
  for (const server of [second, first]) expect((await cacheState(server, "/")).body).toContain("Python 3.14.1");
}, 60_000);
