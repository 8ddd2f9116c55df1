// The one rule for URLs people store (release notes links, download files, banner links):
// an absolute http(s) URL, or — where legacy allows one — a path on this site. Anything
// else (`javascript:`, `data:`, `vbscript:`, `//other.host/`, control characters) is
// refused on input, so it can never be rendered as a link.
import { z } from "zod";

export const HTTP_URL_MESSAGE = "Enter a valid URL starting with http:// or https://.";
export const LINK_MESSAGE = "Use an http(s) URL or a site path starting with /.";

// Browsers drop tabs and newlines inside URLs (`java\tscript:`), so none may be stored.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/** True for an absolute http:// or https:// URL with a host. */
export function isHttpUrl(value: string): boolean {
  if (CONTROL_OR_SPACE.test(value) || !/^https?:\/\//i.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

/** True for a path on this site (`/about/`); `//host` and `/\host` name another site to browsers. */
export function isSitePath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && !CONTROL_OR_SPACE.test(value);
}

/** True when `value` may be rendered as a link: http(s), or a site path when `sitePath`. */
export function isSafeLink(value: string, options: { sitePath?: boolean } = {}): boolean {
  return isHttpUrl(value) || (options.sitePath === true && isSitePath(value));
}

interface UrlFieldOptions {
  /** The most characters the column holds. */
  max: number;
  /** Also accept a path on this site (where legacy stored one). */
  sitePath?: boolean;
  /** The message when the value is not a safe URL. */
  message?: string;
}

const urlText = (options: UrlFieldOptions) => z.string().trim().max(options.max, `Use at most ${options.max} characters.`);
const urlMessage = (options: UrlFieldOptions) => options.message ?? (options.sitePath ? LINK_MESSAGE : HTTP_URL_MESSAGE);

/** A required URL field: trimmed text that is an http(s) URL (or a site path when `sitePath`). */
export function urlSchema(options: UrlFieldOptions & { required?: string }) {
  return urlText(options)
    .min(1, options.required ?? "Enter a URL.")
    .refine((value) => isSafeLink(value, options), urlMessage(options));
}

/** An optional URL field: "" (the default) or a URL `urlSchema` accepts. */
export function optionalUrlSchema(options: UrlFieldOptions) {
  return urlText(options)
    .refine((value) => value === "" || isSafeLink(value, options), urlMessage(options))
    .default("");
}
