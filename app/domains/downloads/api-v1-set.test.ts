// Issue 15 item 6: tastypie's `set/<ids>/` reads every id in one query, keeps the order
// asked, and refuses more than MAX_SET_IDS ids with a 400 (3,000 ids used to run 3,000 queries).
import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../core/db/client.ts";
import { testDatabaseUrl, useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";
import { MAX_SET_IDS } from "./api/v1/routes.ts";

// Every Prisma operation the app runs, by model, so a test can tell one query from one per id.
const operations: string[] = [];
const countingDb = (url: string) =>
  createDb(url).$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          operations.push(`${model}.${operation}`);
          return query(args);
        },
      },
    },
  }) as unknown as Db;

const ctx = useTestContext({ db: countingDb(await testDatabaseUrl()) });
let fx: DownloadsFixture;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
});

async function getSet(path: string) {
  operations.length = 0;
  const response = await ctx.app.request(path);
  return { response, releaseReads: operations.filter((name) => name.startsWith("Release.")).length };
}

describe("GET /api/v1/downloads/<resource>/set/<ids>/", () => {
  it("answers the ids in the order asked, hides drafts from visitors, lists the rest as not_found", async () => {
    const { py3140, py2718, draft } = fx.releases;
    const { response } = await getSet(`/api/v1/downloads/release/set/${py2718};999999;${py3140};${draft};2147483648/`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { objects: Array<{ name: string }>; not_found: string[] };
    expect(body.objects.map((object) => object.name)).toEqual(["Python 2.7.18", "Python 3.14.0"]);
    expect(body.not_found).toEqual(["999999", String(draft), "2147483648"]);
  });

  it("reads the releases in the same number of queries for 2 ids as for the cap", async () => {
    const few = await getSet(`/api/v1/downloads/release/set/${fx.releases.py3140};${fx.releases.py2718}/`);
    const ids = Array.from({ length: MAX_SET_IDS }, (_, index) => 1_000_000 + index);
    ids[0] = fx.releases.py3140;
    const many = await getSet(`/api/v1/downloads/release/set/${ids.join(";")}/`);
    expect(few.response.status).toBe(200);
    expect(many.response.status).toBe(200);
    expect(many.releaseReads).toBe(few.releaseReads);
    expect(many.releaseReads).toBeLessThanOrEqual(2);
  });

  it("refuses more than the cap with tastypie's 400", async () => {
    const ids = Array.from({ length: MAX_SET_IDS + 1 }, (_, index) => index + 1).join(";");
    for (const resource of ["os", "release", "release_file"]) {
      const { response } = await getSet(`/api/v1/downloads/${resource}/set/${ids}/`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: `Ask for at most ${MAX_SET_IDS} ids at once (got ${MAX_SET_IDS + 1}).` });
    }
    const files = await getSet(`/api/v1/downloads/release_file/set/1;2/`);
    expect(files.response.status).toBe(200);
  });
});
