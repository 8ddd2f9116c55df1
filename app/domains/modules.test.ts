// Proves the registry reaches every domain: a domain folder with code is registered, and
// each registered module's migrators, tasks, cron items, search sources, admin
// resources, API roots and templates arrive where the site, the worker and the scripts
// read them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adminResourcesOf } from "../app.ts";
import { buildTaskList } from "../core/jobs/registry.ts";
import { orderMigrators } from "../core/legacy/registry.ts";
import { createLogger } from "../core/logging/logger.ts";
import { legacyMigratorsOf } from "../core/modules/index.ts";
import { signInAs } from "../testing/admin.ts";
import { useTestContext } from "../testing/deps.ts";
import { LEGACY_TESTBED_DIR, legacyTestbedAvailable } from "../testing/legacy-testbed.ts";
import { skipUnless } from "../testing/skip.ts";
import { DOMAIN_MODULES } from "./index.ts";

const DOMAINS_DIR = import.meta.dirname;
const ctx = useTestContext();

describe("the domain registry", () => {
  it("lists every domain folder that has code, under its folder name", () => {
    const withCode = readdirSync(DOMAINS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(path.join(DOMAINS_DIR, entry.name)).some((file) => file.endsWith(".ts")))
      .map((entry) => entry.name)
      .sort();
    expect(DOMAIN_MODULES.map((module) => module.name).sort()).toEqual(withCode);
    for (const name of withCode) expect(readFileSync(path.join(DOMAINS_DIR, name, "index.ts"), "utf8"), name).toMatch(/Module\b.*from "\.\/module\.ts"/);
  });

  it("hands every module's migrators to the migration command, in a valid order", () => {
    const migrators = legacyMigratorsOf(DOMAIN_MODULES);
    for (const module of DOMAIN_MODULES) {
      for (const migrator of module.legacy?.migrators ?? []) expect(migrators, module.name).toContain(migrator);
    }
    expect(() => orderMigrators(migrators)).not.toThrow();
  });

  it.skipIf(skipUnless(legacyTestbedAvailable(), "the legacy schema is needed to check migrated tables; set LEGACY_TESTBED_DIR"))(
    "reads and skips only tables the legacy schema has",
    () => {
      const schema = readFileSync(path.join(LEGACY_TESTBED_DIR, "schema.sql"), "utf8");
      const tables = new Set([...schema.matchAll(/CREATE TABLE (?:public\.)?"?([a-z0-9_]+)"?/g)].map((match) => match[1]));
      for (const module of DOMAIN_MODULES) {
        const read = (module.legacy?.migrators ?? []).flatMap((migrator) => migrator.steps.flatMap((step) => [step.table, ...(step.alsoReads ?? [])]));
        const skipped = (module.legacy?.skips ?? []).map((skip) => skip.table);
        for (const table of [...read, ...skipped]) expect(tables.has(table), `${module.name} names legacy table ${table}`).toBe(true);
      }
    },
  );

  it("gives the worker every module's tasks, and cron items only for registered tasks", () => {
    const names = new Set(ctx.tasks.map((task) => task.name));
    for (const module of DOMAIN_MODULES) {
      for (const item of module.cron ?? []) expect(names.has(item.task), `${module.name} cron ${item.task}`).toBe(true);
    }
    expect(ctx.cronItems.length).toBe(DOMAIN_MODULES.reduce((sum, module) => sum + (module.cron?.length ?? 0), 0));
    expect(names).toContain("users.prune-sessions");
    expect(names).toContain("pages.check-links");
    expect(names).toContain("downloads.rebuild-boxes");
    // The worker's task list accepts them all (unique names, valid payload schemas).
    expect(Object.keys(buildTaskList(ctx.tasks, createLogger({ level: "silent" })))).toHaveLength(ctx.tasks.length);
  });

  it("shows every module's admin resources on the admin index", async () => {
    const root = await signInAs(ctx, { isSuperuser: true });
    const html = await (await ctx.app.request("/admin/", { headers: { cookie: root.cookie } })).text();
    const resources = adminResourcesOf(ctx.deps, ctx.registry);
    expect(resources.length).toBeGreaterThan(DOMAIN_MODULES.length);
    for (const resource of resources) expect(html).toContain(`href="/admin/${resource.appLabel}/${resource.model}/"`);
  });

  it("indexes every search source's records and finds them on /search/", async () => {
    await ctx.registry.seed();
    await ctx.drainJobs();
    const sources = ctx.registry.searchSources();
    expect(sources.map((source) => source.type).sort()).toEqual(["calendar", "event", "job", "page", "release"]);
    for (const source of sources) {
      const [first] = (await source.all()[Symbol.asyncIterator]().next()).value ?? [];
      expect(first, `${source.type} has seeded documents`).toBeDefined();
      const html = await (await ctx.app.request(`/search/?q=${encodeURIComponent(first!.title)}&type=${source.type}`)).text();
      expect(html, `${source.type}: ${first!.title}`).toContain(source.label);
      expect(html).toContain(first!.url);
    }
  });

  it("lists every module's legacy API resources and OpenAPI paths", async () => {
    const v1 = (await (await ctx.app.request("/api/v1/")).json()) as Record<string, unknown>;
    const openapi = (await (await ctx.app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const module of DOMAIN_MODULES) {
      for (const name of module.api?.legacyResources?.v1 ?? []) expect(Object.keys(v1), module.name).toContain(name);
      for (const part of Object.values(module.api?.openApi ?? {})) {
        for (const route of Object.keys(part.paths)) expect(Object.keys(openapi.paths), module.name).toContain(route);
      }
    }
  });

  it("finds each module's templates folder", () => {
    for (const module of DOMAIN_MODULES) {
      if (module.templates) expect(existsSync(path.join(ctx.deps.paths.templates, module.templates)), module.name).toBe(true);
    }
  });
});
