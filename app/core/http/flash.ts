// One-time messages shown after a redirect ("Box saved."), kept in a signed cookie
// until the next page renders them.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv, FlashMessage } from "./env.ts";
import { seal, unseal } from "./signing.ts";

const FLASH_COOKIE = "flash";
const PURPOSE = "flash";
const FlashSchema = z.array(z.object({ level: z.enum(["success", "info", "warning", "error"]), text: z.string().max(500) })).max(10);

export function flashMessages(options: { secret: string; secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = unseal(options.secret, PURPOSE, getCookie(c, FLASH_COOKIE));
    const parsed = raw ? FlashSchema.safeParse(safeJson(raw)) : undefined;
    c.set("flash", parsed?.success ? parsed.data : []);
    await next();
  };
}

/** Queues a message for the next page this browser renders. */
export function addFlash(c: Context<AppEnv>, message: FlashMessage, options: { secret: string; secureCookies: boolean }): void {
  const queued = [...(c.get("flash") ?? []), message].slice(-10);
  c.set("flash", queued);
  setCookie(c, FLASH_COOKIE, seal(options.secret, PURPOSE, JSON.stringify(queued)), {
    httpOnly: true,
    sameSite: "Lax",
    secure: options.secureCookies,
    path: "/",
    maxAge: 300,
  });
}

/** Returns the pending messages and forgets them (called when a page renders). */
export function takeFlash(c: Context<AppEnv>): FlashMessage[] {
  const messages = c.get("flash") ?? [];
  if (messages.length > 0 && getCookie(c, FLASH_COOKIE)) deleteCookie(c, FLASH_COOKIE, { path: "/" });
  c.set("flash", []);
  return messages;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
