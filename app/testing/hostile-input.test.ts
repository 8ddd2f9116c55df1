// Issue 15's hostile-input test: every registered write route and every API read, each
// sent a few values of the shared corpus (app/testing/hostile-corpus.ts) in its path
// parameters, query string and body, as a signed-in superuser (session + CSRF) or a
// staff API client. Nothing may answer 5xx, and a request carrying a value every field
// refuses must change no row. Routes are discovered from the app (`app.routes`) and the
// admin registry: a new domain is covered by registering its routes.
import { beforeAll, describe, expect, it } from "vitest";
import { adminResourcesOf } from "../app.ts";
import { adminPost, signInAs, syncAdminPermissions } from "./admin.ts";
import { createTestUser, signIn } from "./auth.ts";
import { createTestContext, type TestContext } from "./deps.ts";
import { createDownloadsFixture } from "./factories/downloads.ts";
import { HOSTILE_CORPUS, HOSTILE_NUMBERS, pathValueFor, sampleCorpus, type HostileValue } from "./hostile-corpus.ts";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SAMPLES_PER_ROUTE = 3;
// Field and filter names of the legacy APIs and forms that no route table lists.
const GENERIC_FIELDS = [
  "id",
  "ids",
  "name",
  "slug",
  "title",
  "url",
  "link",
  "path",
  "version",
  "release",
  "os",
  "release_page",
  "release_notes_url",
  "release_date",
  "pre_release",
  "is_published",
  "is_latest",
  "show_on_download_page",
  "content",
  "filesize",
  "offset",
  "limit",
  "page",
  "q",
  "format",
  "active",
  "label",
  "action",
  "post",
  "select_across",
  "username",
  "password",
  "next",
  "source",
  "markup_type",
  "version__gt",
  "release__in",
  "os__slug",
];
// Rows these tables hold change with every signed-in request or sign-in attempt, not with the data.
const PAGING = new Set(["offset", "limit", "page"]);
// Signing out takes no input: it ends sessions (and rotates the security stamp) whatever is posted.
const SIGN_OUT = /^\/accounts\/logout(-everywhere)?\/$/;
const VOLATILE_TABLES = new Set(["sessions", "_prisma_migrations"]);

interface Target {
  method: string;
  path: string;
  fields: string[];
  /** True when the path names no possible row (a hostile id), so the write must be refused. */
  hostilePath: boolean;
  value: HostileValue;
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.reset();
  await syncAdminPermissions(ctx);
  await createDownloadsFixture(ctx.services.downloads);
}, 120_000);

/** One row per table: its row count and a digest of its rows. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = (await ctx.deps.db.$queryRaw<Array<{ tablename: string }>>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
    .map((row) => row.tablename)
    .filter((name) => !VOLATILE_TABLES.has(name));
  const union = tables
    .map((name) => `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS d FROM "${name}" x`)
    .join(" UNION ALL ");
  const rows = await ctx.deps.db.$queryRawUnsafe<Array<{ t: string; d: string }>>(union);
  return Object.fromEntries(rows.map((row) => [row.t, row.d]));
}

/** Every concrete path of a route pattern with hostile parameters; admin `:app/:model` expand from the registry. */
function expand(pattern: string, value: HostileValue): Array<{ path: string; fields: string[]; hostilePath: boolean }> {
  const resources = adminResourcesOf(ctx.deps, ctx.registry);
  const bases = pattern.includes(":app/:model")
    ? resources.map((resource) => ({
        pattern: pattern.replace(":app/:model", `${resource.appLabel}/${resource.model}`),
        fields: [
          ...resource.form.fields.map((field) => field.name),
          ...(resource.inlines ?? []).flatMap((inline) => [`${inline.name}-TOTAL_FORMS`, ...inline.fields.map((field) => `${inline.name}-0-${field.name}`)]),
        ],
      }))
    : [{ pattern, fields: [] as string[] }];
  const out: Array<{ path: string; fields: string[]; hostilePath: boolean }> = [];
  for (const base of bases) {
    let hostilePath = false;
    let possible = true;
    const path = base.pattern.replace(/:(\w+)(?:\{((?:[^{}]|\{[^}]*\})+)\})?/g, (_match, _name: string, regex: string | undefined) => {
      const segment = pathValueFor(regex, value);
      if (segment === undefined) possible = false;
      else if (!regex?.includes("|")) hostilePath = true;
      return segment ?? "";
    });
    if (possible && !path.includes("*")) out.push({ path, fields: base.fields, hostilePath });
  }
  return out;
}

function targets(filter: (method: string, path: string) => boolean): Target[] {
  const routes = [...new Map(ctx.app.routes.filter((route) => filter(route.method, route.path)).map((route) => [`${route.method} ${route.path}`, route])).values()];
  return routes.flatMap((route, index) =>
    sampleCorpus(index, SAMPLES_PER_ROUTE).flatMap((value) => expand(route.path, value).map((concrete) => ({ method: route.method, ...concrete, value }))),
  );
}

function describeTarget(target: Target): string {
  return `${target.method} ${target.path.slice(0, 120)} with ${target.value.label}`;
}

describe("the hostile-input corpus", () => {
  it("is answered without a 5xx and without a data change by every registered write route", async () => {
    const staff = await createTestUser(ctx, { username: "hostile-api", isStaff: true, isSuperuser: true });
    const token = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
    const apiKey = `ApiKey hostile-api:${await ctx.services.users.issueApiKey({ userId: staff.id })}`;
    const writes = targets((method) => WRITE_METHODS.has(method));
    expect(writes.length).toBeGreaterThan(50);
    let editor = await signInAs(ctx, { isSuperuser: true });
    const send = async (target: Target): Promise<number> => {
      const fields = [...new Set([...target.fields, ...GENERIC_FIELDS])];
      let response: Response;
      if (target.path.startsWith("/api/")) {
        const body = Object.fromEntries(fields.map((field) => [field, target.value.json ?? target.value.text]));
        const authorization = target.path.startsWith("/api/v1/") ? apiKey : token;
        response = await ctx.app.request(target.path, {
          method: target.method,
          headers: { Authorization: authorization, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      } else {
        const values = Object.fromEntries(fields.map((field) => [field, field === "ids" ? target.value.text.split(";") : target.value.text]));
        response = await ctx.app.request(target.path, { ...adminPost(ctx, editor.cookie, values), method: target.method });
        // Logout routes end the session they are sent; the next form post needs a new one.
        if (SIGN_OUT.test(target.path)) editor = { ...editor, cookie: await signIn(ctx, editor.id) };
      }
      await response.arrayBuffer();
      return response.status;
    };
    const failures: string[] = [];
    const mustRefuse = writes.filter((target) => (target.value.alwaysRefused || target.hostilePath) && !SIGN_OUT.test(target.path));
    const before = await snapshot();
    for (const target of mustRefuse) {
      const status = await send(target);
      if (status >= 500) failures.push(`${describeTarget(target)}: ${status}`);
    }
    const after = await snapshot();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length > 0) {
      // Find which requests changed rows: send each again alone.
      for (const target of mustRefuse) {
        const alone = await snapshot();
        const status = await send(target);
        const now = await snapshot();
        const tables = Object.keys(now).filter((table) => now[table] !== alone[table]);
        if (tables.length > 0) failures.push(`${describeTarget(target)}: ${status}, changed ${tables.join(", ")}`);
      }
    }
    for (const target of writes.filter((candidate) => !mustRefuse.includes(candidate))) {
      const status = await send(target);
      if (status >= 500) failures.push(`${describeTarget(target)}: ${status}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("is answered without a 5xx by every API read and filter, and changes nothing", async () => {
    const staff = await createTestUser(ctx, { username: "hostile-reader", isStaff: true });
    const token = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
    const document = (await (await ctx.app.request("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };
    const documented = new Set(
      Object.values(document.paths).flatMap((operations) =>
        Object.values(operations).flatMap((operation) => (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name)),
      ),
    );
    const filters = [...new Set([...documented, ...GENERIC_FIELDS])];
    const reads = targets((method, path) => method === "GET" && path.startsWith("/api/"));
    const failures: string[] = [];
    const before = await snapshot();
    for (const [index, target] of reads.entries()) {
      const query = new URLSearchParams();
      // Each filter gets its own value from the corpus, so the whole corpus meets every filter across the routes.
      filters.forEach((name, position) => query.set(name, HOSTILE_CORPUS[(index + position) % HOSTILE_CORPUS.length]!.text));
      for (const authorization of [undefined, token]) {
        const response = await ctx.app.request(`${target.path}?${query.toString()}`, { headers: authorization ? { Authorization: authorization } : {} });
        if (response.status >= 500) failures.push(`${describeTarget(target)} (${authorization ? "staff" : "anonymous"}): ${response.status}`);
        await response.arrayBuffer();
      }
    }
    // One filter at a time too, since the first bad filter answers 400 and would hide the
    // rest: each API route meets every filter once with a number from the corpus, and the
    // paging parameters always with the 20-digit one the probe used.
    const routes = [...new Set(reads.map((target) => target.path))];
    for (const [index, path] of routes.entries()) {
      for (const [position, name] of filters.entries()) {
        const value = PAGING.has(name) ? "99999999999999999999" : HOSTILE_NUMBERS[(index + position) % HOSTILE_NUMBERS.length]!.text;
        const response = await ctx.app.request(`${path}?${new URLSearchParams({ [name]: value }).toString()}`);
        if (response.status >= 500) failures.push(`GET ${path.slice(0, 120)}?${name}=${value}: ${response.status}`);
        await response.arrayBuffer();
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it("is answered without a 5xx, and with safe headers, in the first path segment of the site and the API", async () => {
    const failures: string[] = [];
    for (const value of HOSTILE_CORPUS) {
      for (const path of [`/${encodeURIComponent(value.text)}/`, `/api/${encodeURIComponent(value.text)}/`]) {
        const response = await ctx.app.request(path);
        const key = response.headers.get("Surrogate-Key") ?? "";
        if (response.status >= 500 || !/^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(key)) failures.push(`GET ${path.slice(0, 80)}: ${response.status} ${JSON.stringify(key)}`);
        await response.arrayBuffer();
      }
    }
    expect(failures).toEqual([]);
  });
});
