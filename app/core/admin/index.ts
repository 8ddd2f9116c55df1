// The admin's public surface: registrations, the routes, permission sync and audit.
export { adminRoutes, type AdminDeps } from "./routes/index.ts";
export { createAdminRegistry, defineAdminResource, type AdminRegistry } from "./registry.ts";
export { syncPermissions } from "./permissions-sync.ts";
export { permissionName } from "./access.ts";
export { writeAuditEntry } from "./audit.ts";
export { toDateTimeInput } from "./forms.ts";
export type * from "./types.ts";
