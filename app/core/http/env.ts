// The per-request variables every handler can read with c.get(...).
import type { Logger } from "../logging/logger.ts";
import type { CacheableRoute } from "./cacheable.ts";

/** The signed-in user as every request sees it (resolved once per request). */
export interface CurrentUser {
  id: number;
  username: string;
  email: string;
  isStaff: boolean;
  isSuperuser: boolean;
  /** Effective permissions, direct and through groups, as `<appLabel>.<codename>`. */
  permissions: ReadonlySet<string>;
  /** Names of the groups the user belongs to, e.g. "Job Board Admin". */
  groups: readonly string[];
}

/** How the current request proved who it is. */
export type AuthMethod = "session" | "api-key" | "token";

export interface FlashMessage {
  level: "success" | "info" | "warning" | "error";
  text: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    user: CurrentUser | null;
    authMethod: AuthMethod | null;
    /** The API credential as audit rows record it, e.g. `ApiKey key:1a2b3c4d5e6f` (a hash prefix, never the key). */
    apiCredential?: string;
    /** API_WRITE_PERMISSIONS: "staff" (legacy) or "model" (staff plus the model permission). */
    apiWritePermissions?: "staff" | "model";
    csrfToken: string;
    /** Sets the CSRF cookie for a browser that has none yet; called once a form is rendered. */
    csrfCommit?: () => void;
    secureHeadersNonce?: string;
    flash: FlashMessage[];
    /** Set by `cacheable()`: the response may be stored by the response cache under these tags. */
    cacheable?: CacheableRoute;
    /** Set by the response cache: reads (and records) tag versions for the response being built. */
    readCacheTags?: (tags: readonly string[]) => Promise<unknown>;
  };
}
