// The per-request variables every handler can read with c.get(...).
import type { Logger } from "../logging/logger.ts";

export interface CurrentUser {
  id: number;
  username: string;
  isStaff: boolean;
  isSuperuser: boolean;
}

export interface FlashMessage {
  level: "success" | "info" | "warning" | "error";
  text: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    user: CurrentUser | null;
    csrfToken: string;
    secureHeadersNonce?: string;
    flash: FlashMessage[];
  };
}
