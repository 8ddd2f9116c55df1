// Secure headers with an enforced, nonce-based Content Security Policy. The allowlist
// starts from legacy python.org's report-only policy (pydotorg/settings/base.py).
import type { MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { PRIVATE_CACHE_CONTROL } from "./cdn-cache.ts";
import type { AppEnv } from "./env.ts";

// Paths other sites read directly (PyPI reads sponsor logos; feed readers, API clients).
const SHARED_RESOURCE = /^\/(api\/|media\/|static\/|downloads\/feed\.rss|jobs\/feed\/|psf\/records\/board\/minutes\/feed\/)/;

export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler<AppEnv> {
  const strict = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "https:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // /shell/ embeds the interactive console (legacy python/shell.html).
      frameSrc: ["'self'", "https://console.python.org"],
      frameAncestors: ["'self'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
    },
    strictTransportSecurity: options.hsts ? "max-age=31536000; includeSubDomains" : false,
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "SAMEORIGIN",
    crossOriginResourcePolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await strict(c, next);
    if (SHARED_RESOURCE.test(c.req.path)) c.header("Cross-Origin-Resource-Policy", "cross-origin");
  };
}

// A surrogate key is one token of a space-separated header value: visible ASCII only, so a
// control character or space from the URL (`/%0d%0aX:%201/`) can never reach a header.
const SURROGATE_TOKEN = /^[A-Za-z0-9._~-]{1,64}$/;

/** The surrogate key of a cache tag (`release:12` → `release-12`), or null when it cannot be one. */
export function surrogateKeyOf(tag: string): string | null {
  const key = tag.replaceAll(":", "-");
  return SURROGATE_TOKEN.test(key) ? key : null;
}

/**
 * Surrogate keys let the CDN purge by section: every response carries the global key
 * plus its first path segment, as legacy pydotorg/middleware.py does. Only safe tokens
 * are kept; a segment that is not one adds no key.
 */
export function surrogateKeys(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const section = c.req.path.split("/")[1] ?? "";
    const existing = (c.res.headers.get("Surrogate-Key") ?? "").split(" ");
    const keys = new Set(["pydotorg-app", section, ...existing].filter((key) => SURROGATE_TOKEN.test(key)));
    c.header("Surrogate-Key", [...keys].join(" "));
    if (c.req.path.startsWith("/admin")) c.header("Cache-Control", PRIVATE_CACHE_CONTROL);
  };
}
