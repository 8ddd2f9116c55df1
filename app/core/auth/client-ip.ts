// The client's address for throttling and session records. Behind N trusted proxies
// the client is the N-th address from the right of X-Forwarded-For (each proxy appends
// the peer it saw; anything further left is whatever the client claimed). Legacy
// python.org used the same rule with NUM_PROXIES = 3.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { isIP } from "node:net";

export const UNKNOWN_IP = "unknown";

export function clientIp(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const candidate = forwarded.length >= trustedProxies ? forwarded[forwarded.length - trustedProxies] : forwarded[0];
    if (candidate && isIP(candidate)) return candidate;
  }
  return socketAddress(c);
}

function socketAddress(c: Context): string {
  try {
    const address = getConnInfo(c).remote.address;
    return address && isIP(address) ? address : UNKNOWN_IP;
  } catch {
    // app.request() in tests has no socket.
    return UNKNOWN_IP;
  }
}
