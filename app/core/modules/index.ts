// The domain contract and its registry (see README "Adding a domain").
export { bind, definePort, type Port, type PortBinding, type PortReader } from "./ports.ts";
export {
  defineModule,
  type AnyDomainModule,
  type DomainModule,
  type ModuleContext,
  type Mount,
  type NotFoundFallback,
  type ServicesOf,
  type SkippedLegacyTable,
  type TaskBuildContext,
  type WebContext,
  type WebSettings,
} from "./types.ts";
export { createModuleRegistry, legacyMigratorsOf, ModuleRegistryError, type ModuleRegistry } from "./registry.ts";
