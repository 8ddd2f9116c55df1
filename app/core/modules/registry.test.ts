import { describe, expect, it } from "vitest";
import type { PlatformDeps } from "../platform.ts";
import { bind, definePort } from "./ports.ts";
import { createModuleRegistry, legacyMigratorsOf, ModuleRegistryError } from "./registry.ts";
import { defineModule, type AnyDomainModule } from "./types.ts";
import type { OpenApiPart } from "../http/openapi.ts";
import { Hono } from "hono";

// The registry only hands deps through to createService; these tests never read them.
const deps = {} as PlatformDeps;
const GREETING = definePort<{ greet(name: string): string }>("test.greeting");

const greeter = defineModule({
  name: "greeter",
  provides: [GREETING],
  createService: () => ({ greet: (name: string) => `Hello, ${name}` }),
  bind: (service) => [bind(GREETING, service)],
  cron: [{ task: "greeter.wave", match: "0 * * * *" }],
  legacy: { migrators: [{ name: "greeter", dependsOn: [], steps: [] }], skips: [{ table: "greeter_old", reason: "never used" }] },
  seed: async () => ({ greetings: 2 }),
});

const host = defineModule({
  name: "host",
  uses: [GREETING],
  createService: ({ use }) => ({ welcome: () => use(GREETING).greet("visitor") }),
  tasks: ({ service }) => [{ name: "host.welcome", payload: {} as never, run: async () => void service.welcome() }],
  seed: async () => ({ rooms: 1 }),
});

describe("module registry", () => {
  it("builds a port's provider before its users, whatever the listing order", () => {
    const registry = createModuleRegistry([host, greeter], deps);
    expect(registry.services.host.welcome()).toBe("Hello, visitor");
    expect(registry.port(GREETING).greet("Ada")).toBe("Hello, Ada");
    // Contributions keep the listed order.
    expect(registry.modules.map((module) => module.name)).toEqual(["host", "greeter"]);
  });

  it("collects tasks, cron items, migrators and seeds from every module", async () => {
    const registry = createModuleRegistry([greeter, host], deps);
    expect(registry.tasks(async () => new Response()).map((task) => task.name)).toEqual(["host.welcome"]);
    expect(registry.cronItems().map((item) => item.task)).toEqual(["greeter.wave"]);
    expect(legacyMigratorsOf([greeter, host]).map((migrator) => migrator.name)).toEqual(["greeter"]);
    expect(await registry.seed()).toEqual({ "greeter.greetings": 2, "host.rooms": 1 });
  });

  it("refuses a port nobody provides, two providers, and a read of an undeclared port", () => {
    expect(() => createModuleRegistry([host], deps)).toThrow(/module "host" uses port "test.greeting", which no module provides/);
    const twin = { ...greeter, name: "twin" };
    expect(() => createModuleRegistry([greeter, twin], deps)).toThrow(/port "test.greeting" is provided by both "greeter" and "twin"/);
    const sneaky = defineModule({ name: "sneaky", createService: ({ use }) => use(GREETING) });
    expect(() => createModuleRegistry([greeter, sneaky], deps)).toThrow(/module "sneaky" reads port "test.greeting" without declaring it/);
  });

  it("refuses duplicate names, unbound ports and cycles", () => {
    expect(() => createModuleRegistry([greeter, { ...host, name: "greeter" }], deps)).toThrow(ModuleRegistryError);
    const lazy = defineModule({ name: "lazy", provides: [GREETING], createService: () => ({}) });
    expect(() => createModuleRegistry([lazy], deps)).toThrow(/lists port "test.greeting" but binds no implementation/);
    const PING = definePort<object>("test.ping");
    const PONG = definePort<object>("test.pong");
    const ping: AnyDomainModule = { name: "ping", uses: [PONG], provides: [PING], createService: () => ({}), bind: (s) => [bind(PING, s)] };
    const pong: AnyDomainModule = { name: "pong", uses: [PING], provides: [PONG], createService: () => ({}), bind: (s) => [bind(PONG, s)] };
    expect(() => createModuleRegistry([ping, pong], deps)).toThrow(/cycle: ping → pong → ping/);
  });

  it("hands out OpenAPI parts newest version first, and refuses a part documenting another version's paths", () => {
    const part = (path: string): OpenApiPart => ({
      tags: [],
      schemas: {},
      paths: { [path]: { get: { operationId: path, summary: "s", tags: [], responses: { "200": { description: "ok" } } } } },
    });
    const documented = defineModule({
      name: "documented",
      createService: () => ({}),
      api: { routes: () => new Hono(), openApi: { v1: part("/api/v1/a/"), v3: part("/api/v3/a/") } },
    });
    expect(
      createModuleRegistry([documented], deps)
        .openApiParts()
        .map((each) => Object.keys(each.paths)[0]),
    ).toEqual(["/api/v3/a/", "/api/v1/a/"]);
    const stray = defineModule({ name: "stray", createService: () => ({}), api: { routes: () => new Hono(), openApi: { v3: part("/api/v1/b/") } } });
    expect(() => createModuleRegistry([stray], deps).openApiParts()).toThrow(ModuleRegistryError);
  });
});

describe("bench paths", () => {
  it("collects every module's list or computed paths, in module order and without repeats", async () => {
    const lister = defineModule({ name: "lister", createService: () => ({ newest: async () => "/items/3/" }), bench: { paths: ["/items/", "/shared/"] } });
    const computed = defineModule({
      name: "computed",
      createService: () => ({ newest: async () => "/things/9/" }),
      bench: { paths: async (service) => ["/shared/", await service.newest()] },
    });
    const registry = createModuleRegistry([lister, computed, host, greeter], deps);
    expect(await registry.benchPaths()).toEqual(["/items/", "/shared/", "/things/9/"]);
  });
});
