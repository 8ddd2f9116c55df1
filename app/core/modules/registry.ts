// Builds every module's service once, in an order where each port's provider comes
// before the modules that use it, and collects what the modules contribute. The one
// place where domains meet; createApp, the worker, the scripts and the tests all read it.
import type { CronItem } from "graphile-worker";
import type { AnyAdminResource } from "../admin/types.ts";
import type { LegacyApiResources } from "../api/roots.ts";
import { API_VERSIONS, type OpenApiPart } from "../http/openapi.ts";
import type { TaskDefinition } from "../jobs/types.ts";
import type { Migrator } from "../legacy/types.ts";
import type { MarkupTarget } from "../markup/jobs.ts";
import type { PlatformDeps } from "../platform.ts";
import type { SearchSource } from "../search/sources.ts";
import type { Port } from "./ports.ts";
import type { AnyDomainModule, ModuleContext, Mount, NotFoundFallback, ServicesOf, WebSettings } from "./types.ts";
import type { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";

export class ModuleRegistryError extends Error {
  override name = "ModuleRegistryError";
}

export interface ModuleRegistry<Modules extends readonly AnyDomainModule[] = readonly AnyDomainModule[]> {
  /** The modules in their listed order (routes mount in this order). */
  modules: Modules;
  /** Every module's service by module name. */
  services: ServicesOf<Modules>;
  /** The implementation bound to a port (for the site's own pages, which combine domains). */
  port<T>(port: Port<T>): T;
  routes(web: WebSettings): Mount[];
  fallbacks(web: WebSettings): NotFoundFallback[];
  apis(web: WebSettings): Array<Hono<AppEnv>>;
  legacyApiResources(): LegacyApiResources[];
  openApiParts(): OpenApiPart[];
  adminResources(): AnyAdminResource[];
  searchSources(): SearchSource[];
  markupTargets(): MarkupTarget[];
  tasks(dispatch: (request: Request) => Promise<Response>): TaskDefinition[];
  cronItems(): CronItem[];
  /** Runs every module's seed in order; counts by `<module>.<what>`. */
  seed(): Promise<Record<string, number>>;
  /** The paths every module asks `npm run bench` to measure, in module order, without repeats. */
  benchPaths(): Promise<string[]>;
}

/** Every module's legacy migrators; static, so the migration command needs no services. */
export function legacyMigratorsOf(modules: readonly AnyDomainModule[]): Migrator[] {
  return modules.flatMap((module) => [...(module.legacy?.migrators ?? [])]);
}

/** Modules ordered so that every port's provider precedes its users (stable otherwise). */
export function orderModules<Modules extends readonly AnyDomainModule[]>(modules: Modules, providers: Map<string, AnyDomainModule>): AnyDomainModule[] {
  const ordered: AnyDomainModule[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (module: AnyDomainModule, trail: string[]) => {
    if (state.get(module.name) === "done") return;
    if (state.get(module.name) === "visiting") {
      throw new ModuleRegistryError(`modules use each other's ports in a cycle: ${[...trail.slice(trail.indexOf(module.name)), module.name].join(" → ")}`);
    }
    state.set(module.name, "visiting");
    for (const port of module.uses ?? []) visit(providers.get(port.name)!, [...trail, module.name]);
    state.set(module.name, "done");
    ordered.push(module);
  };
  for (const module of modules) visit(module, []);
  return ordered;
}

/** Module names are unique: they key `services` and name migrators. */
function checkNames(modules: readonly AnyDomainModule[]): void {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new ModuleRegistryError(`two modules are named "${module.name}"`);
    names.add(module.name);
  }
}

export function createModuleRegistry<const Modules extends readonly AnyDomainModule[]>(modules: Modules, deps: PlatformDeps): ModuleRegistry<Modules> {
  checkNames(modules);
  const providerOf = new Map<string, AnyDomainModule>();
  for (const module of modules) {
    for (const { name } of module.provides ?? []) {
      const other = providerOf.get(name);
      if (other) throw new ModuleRegistryError(`port "${name}" is provided by both "${other.name}" and "${module.name}"`);
      providerOf.set(name, module);
    }
  }
  for (const module of modules) {
    for (const port of module.uses ?? []) {
      if (!providerOf.has(port.name)) throw new ModuleRegistryError(`module "${module.name}" uses port "${port.name}", which no module provides`);
    }
  }

  const implementations = new Map<string, unknown>();
  const contexts = new Map<string, ModuleContext<unknown>>();
  const readerFor = (module: AnyDomainModule) => {
    const declared = new Set((module.uses ?? []).map((port) => port.name));
    return <T>(port: Port<T>): T => {
      if (!declared.has(port.name)) throw new ModuleRegistryError(`module "${module.name}" reads port "${port.name}" without declaring it in \`uses\``);
      return implementations.get(port.name) as T;
    };
  };
  for (const module of orderModules(modules, providerOf)) {
    const use = readerFor(module);
    const service = module.createService({ deps, use });
    for (const binding of module.bind?.(service) ?? []) {
      if (providerOf.get(binding.port.name) !== module) {
        throw new ModuleRegistryError(`module "${module.name}" binds port "${binding.port.name}" without listing it in \`provides\``);
      }
      implementations.set(binding.port.name, binding.implementation);
    }
    contexts.set(module.name, { service, deps, use });
  }
  for (const name of providerOf.keys()) {
    if (!implementations.has(name)) throw new ModuleRegistryError(`module "${providerOf.get(name)!.name}" lists port "${name}" but binds no implementation`);
  }

  const ctx = (module: AnyDomainModule) => contexts.get(module.name)!;
  const each = <T>(pick: (module: AnyDomainModule, context: ModuleContext<unknown>) => T[] | undefined): T[] => modules.flatMap((module) => pick(module, ctx(module)) ?? []);
  const services = Object.fromEntries(modules.map((module) => [module.name, ctx(module).service])) as ServicesOf<Modules>;

  return {
    modules,
    services,
    port<T>(port: Port<T>): T {
      if (!implementations.has(port.name)) throw new ModuleRegistryError(`no module provides port "${port.name}"`);
      return implementations.get(port.name) as T;
    },
    routes: (web) => each((module, context) => module.routes?.({ ...context, web })),
    fallbacks: (web) => each((module, context) => module.fallbacks?.({ ...context, web })),
    apis: (web) => each((module, context) => (module.api ? [module.api.routes({ ...context, web })] : [])),
    legacyApiResources: () => each((module) => (module.api?.legacyResources ? [module.api.legacyResources] : [])),
    openApiParts: () => openApiPartsOf(modules),
    adminResources: () => each((module, context) => module.admin?.(context)),
    searchSources: () => each((module, context) => module.search?.(context)),
    markupTargets: () => each((module, context) => module.markup?.(context)),
    tasks: (dispatch) => each((module, context) => module.tasks?.({ ...context, dispatch })),
    cronItems: () => each((module) => [...(module.cron ?? [])]),
    async seed() {
      const counts: Record<string, number> = {};
      for (const module of modules) {
        for (const [what, count] of Object.entries((await module.seed?.(ctx(module))) ?? {})) counts[`${module.name}.${what}`] = count;
      }
      return counts;
    },
    async benchPaths() {
      const paths: string[] = [];
      for (const module of modules) {
        const declared = module.bench?.paths;
        paths.push(...(typeof declared === "function" ? await declared(ctx(module).service) : (declared ?? [])));
      }
      return [...new Set(paths)];
    },
  };
}

/** Every module's OpenAPI parts, newest version first; a part documenting another version's paths is refused. */
function openApiPartsOf(modules: readonly AnyDomainModule[]): OpenApiPart[] {
  return [...API_VERSIONS].reverse().flatMap((version) =>
    modules.flatMap((module) => {
      const part = module.api?.openApi?.[version];
      if (!part) return [];
      const stray = Object.keys(part.paths).find((path) => !path.startsWith(`/api/${version}/`));
      if (stray) throw new ModuleRegistryError(`module "${module.name}" documents ${stray} in its ${version} OpenAPI part`);
      return [part];
    }),
  );
}
