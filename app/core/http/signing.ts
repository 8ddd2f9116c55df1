// HMAC signing for small values kept in cookies (CSRF tokens, flash messages).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sign(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest("base64url");
}

export function verify(secret: string, purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `value.signature`, for cookies whose content must not be forged. */
export function seal(secret: string, purpose: string, value: string): string {
  return `${Buffer.from(value).toString("base64url")}.${sign(secret, purpose, value)}`;
}

export function unseal(secret: string, purpose: string, sealed: string | undefined): string | undefined {
  if (!sealed) return undefined;
  const [encoded, signature] = sealed.split(".");
  if (!encoded || !signature) return undefined;
  const value = Buffer.from(encoded, "base64url").toString();
  return verify(secret, purpose, value, signature) ? value : undefined;
}
