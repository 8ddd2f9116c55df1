// The admin's registry: every model registration, looked up by `<appLabel>/<model>`.
import type { AdminResource, AnyAdminResource } from "./types.ts";

/** Declares one model's admin; an identity function that keeps row and input types checked. */
export function defineAdminResource<Row, Input>(resource: AdminResource<Row, Input>): AdminResource<Row, Input> {
  const sortable = new Set(resource.listColumns.filter((column) => column.sortable).map((column) => column.name));
  if (!sortable.has(resource.defaultOrdering.replace(/^-/, ""))) {
    throw new Error(`${resource.appLabel}.${resource.model}: defaultOrdering must name a sortable column`);
  }
  return resource;
}

export interface AdminApp {
  appLabel: string;
  resources: AnyAdminResource[];
}

export interface AdminRegistry {
  resources: readonly AnyAdminResource[];
  /** The registration for `/admin/<appLabel>/<model>/`, or undefined. */
  get(appLabel: string, model: string): AnyAdminResource | undefined;
  /** Registrations grouped by app, apps and models in alphabetical order. */
  apps(): AdminApp[];
}

/** Builds the registry; two registrations of one model are a programming error. */
export function createAdminRegistry(resources: AnyAdminResource[]): AdminRegistry {
  const byKey = new Map<string, AnyAdminResource>();
  for (const resource of resources) {
    const key = `${resource.appLabel}/${resource.model}`;
    if (byKey.has(key)) throw new Error(`The admin registers ${key} twice`);
    byKey.set(key, resource);
  }
  const sorted = [...byKey.values()].sort((a, b) => `${a.appLabel}/${a.verboseNamePlural}`.localeCompare(`${b.appLabel}/${b.verboseNamePlural}`));
  return {
    resources: sorted,
    get: (appLabel, model) => byKey.get(`${appLabel}/${model}`),
    apps() {
      const apps = new Map<string, AnyAdminResource[]>();
      for (const resource of sorted) apps.set(resource.appLabel, [...(apps.get(resource.appLabel) ?? []), resource]);
      return [...apps].map(([appLabel, list]) => ({ appLabel, resources: list }));
    },
  };
}
