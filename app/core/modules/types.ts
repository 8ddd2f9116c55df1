// The DomainModule contract: everything a domain contributes to the application, in one
// object exported by its index.ts. The registry (registry.ts) builds every module's
// service in dependency order; createApp, the worker, the scripts and the tests read
// routes, tasks, admin resources, search sources, migrators and seeds from it.
import type { CronItem } from "graphile-worker";
import type { Hono } from "hono";
import type { AnyAdminResource } from "../admin/types.ts";
import type { LegacyApiResources } from "../api/roots.ts";
import type { SessionStore } from "../auth/sessions.ts";
import type { LoginThrottle } from "../auth/throttle.ts";
import type { AppEnv } from "../http/env.ts";
import type { VersionedOpenApi } from "../http/openapi.ts";
import type { TaskDefinition } from "../jobs/types.ts";
import type { Migrator } from "../legacy/types.ts";
import type { MarkupTarget } from "../markup/jobs.ts";
import type { SearchSource } from "../search/sources.ts";
import type { PlatformDeps } from "../platform.ts";
import type { Context } from "hono";
import type { Port, PortBinding, PortReader } from "./ports.ts";

/** What every hook of a module receives once services exist. */
export interface ModuleContext<Service> extends PortReader {
  service: Service;
  deps: PlatformDeps;
}

/** Settings the HTML routes of every module share, built once by createApp. */
export interface WebSettings {
  siteUrl: string;
  /** Signs flash messages and CSRF tokens. */
  secret: string;
  secureCookies: boolean;
  trustedProxies: number;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  /** Folder of the static files (for files such as funding.json served by a domain). */
  staticDir: string;
}

export interface WebContext<Service> extends ModuleContext<Service> {
  web: WebSettings;
}

export interface TaskBuildContext<Service> extends ModuleContext<Service> {
  /** Answers a request with this application, without the network (link checks). */
  dispatch(request: Request): Promise<Response>;
}

/** A Hono sub-app and where it is mounted. */
export interface Mount {
  path: string;
  app: Hono<AppEnv>;
}

/** Tried in order when no route matched, before the 404 page (legacy fallback middleware). */
export type NotFoundFallback = (c: Context<AppEnv>) => Promise<Response | null>;

/** A legacy table the migrators deliberately do not copy, and why. */
export interface SkippedLegacyTable {
  table: string;
  reason: string;
}

export interface DomainModule<Service = unknown, Name extends string = string> {
  /** The folder name under app/domains/, e.g. "downloads"; also its key in `services`. */
  name: Name;
  /** Ports read with ctx.use(); their providers are built first. */
  uses?: readonly Port<unknown>[];
  /** Builds the domain's service from the platform dependencies and the declared ports. */
  createService(ctx: { deps: PlatformDeps } & PortReader): Service;
  /** Ports this module implements for others (declared up front, so providers build first). */
  provides?: readonly Port<unknown>[];
  /** The implementation of each port in `provides`, from the built service. */
  bind?(service: Service): PortBinding[];
  /** HTML routes, mounted in module order after the site's own. */
  routes?(ctx: WebContext<Service>): Mount[];
  /** Handlers for paths no route matched (CMS pages, editor redirects). */
  fallbacks?(ctx: WebContext<Service>): NotFoundFallback[];
  /** JSON APIs under /api (routes carry their /v1/, /v2/ or /v3/ prefix). */
  api?: {
    routes(ctx: WebContext<Service>): Hono<AppEnv>;
    /** What the legacy /api/v1/ and /api/v2/ roots list. */
    legacyResources?: LegacyApiResources;
    /**
     * Its operations in /api/openapi.json, one part per version it serves (each part's paths
     * under `/api/<version>/`). The `/api/v3/` root lists the v3 collections found here.
     */
    openApi?: VersionedOpenApi;
  };
  admin?(ctx: ModuleContext<Service>): AnyAdminResource[];
  search?(ctx: ModuleContext<Service>): SearchSource[];
  /** Records with reStructuredText fields the render job fills. */
  markup?(ctx: ModuleContext<Service>): MarkupTarget[];
  tasks?(ctx: TaskBuildContext<Service>): TaskDefinition[];
  /** Recurring jobs (UTC); each names one of this module's tasks. */
  cron?: readonly CronItem[];
  legacy?: {
    migrators: readonly Migrator[];
    /** Legacy tables of this domain that are not copied, each with its reason. */
    skips?: readonly SkippedLegacyTable[];
  };
  /** Demo content for a new machine; idempotent; returns counts for the log. */
  seed?(ctx: ModuleContext<Service>): Promise<Record<string, number>>;
  /** Its page templates' folder under templates/ (e.g. "downloads"). */
  templates?: string;
  /** Paths `npm run bench` measures for this domain (its busiest public pages, feeds and API lists). */
  bench?: {
    paths: readonly string[] | ((service: Service) => Promise<readonly string[]>);
  };
}

/** Declares a module; an identity function that infers its name and service type. */
export function defineModule<Service, const Name extends string>(module: DomainModule<Service, Name>): DomainModule<Service, Name> {
  return module;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hooks take the module's own service type
export type AnyDomainModule = DomainModule<any, string>;

/** `{ <module name>: <its service> }` for a list of modules. */
export type ServicesOf<Modules extends readonly AnyDomainModule[]> = {
  [Module in Modules[number] as Module["name"]]: Module extends DomainModule<infer Service, string> ? Service : never;
};
