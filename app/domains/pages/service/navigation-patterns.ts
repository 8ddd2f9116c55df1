// django-sitetree "URL as pattern" items name a Django URL (`jobs:job_list`, `home`,
// `users:user_detail request.user.username`) instead of a path. These are the legacy
// names (python/pythondotorg:pydotorg/urls.py and apps/*/urls.py) mapped to the paths
// this site answers at; `{0}`, `{1}` are the pattern's arguments, URL-encoded.

const LEGACY_URL_NAMES: Readonly<Record<string, string>> = {
  home: "/",
  about: "/about/",
  documentation: "/doc/",
  "docs-versions": "/doc/versions/",
  inner: "/inner/",
  shell: "/shell/",
  "psf-landing": "/psf-landing/",
  "psf-sponsors": "/psf/sponsors/",
  "docs-landing": "/docs-landing/",
  "pypl-landing": "/pypl-landing/",
  "shop-landing": "/shop-landing/",
  microbit: "/community/microbit/",
  membership: "/membership/",
  blog: "/blogs/",
  "download:download": "/downloads/",
  "download:download_full_os_list": "/downloads/operating-systems/",
  "download:download_os_list": "/downloads/{0}/",
  "download:download_release_detail": "/downloads/release/{0}/",
  "download:download_latest_python3": "/downloads/latest/python3/",
  "download:feed": "/downloads/feed.rss",
  "events:events": "/events/",
  "events:calendar_list": "/events/calendars/",
  "events:event_submit": "/events/submit/",
  "events:event_list": "/events/{0}/",
  "events:event_list_past": "/events/{0}/past/",
  "events:eventcategory_list": "/events/{0}/categories/",
  "events:eventlocation_list": "/events/{0}/locations/",
  "jobs:job_list": "/jobs/",
  "jobs:job_create": "/jobs/create/",
  "jobs:job_list_mine": "/jobs/mine/",
  "jobs:job_review": "/jobs/review/",
  "jobs:job_moderate": "/jobs/moderate/",
  "jobs:job_rss": "/jobs/feed/rss/",
  "jobs:job_types": "/jobs/types/",
  "jobs:job_categories": "/jobs/categories/",
  "jobs:job_locations": "/jobs/locations/",
  "jobs:job_telecommute": "/jobs/location/telecommute/",
  "jobs:job_detail": "/jobs/{0}/",
  success_story_list: "/success-stories/",
  success_story_create: "/success-stories/create/",
  success_story_list_category: "/success-stories/category/{0}/",
  "community:post_list": "/community/",
  minutes_list: "/psf/records/board/minutes/",
  "nominations:elections_list": "/nominations/elections/",
  account_login: "/accounts/login/",
  account_logout: "/accounts/logout/",
  account_signup: "/accounts/signup/",
  account_change_password: "/accounts/password/change/",
  "users:user_profile_edit": "/users/edit/",
  "users:user_membership_create": "/users/membership/",
  "users:user_membership_edit": "/users/membership/edit/",
  "users:user_nominations_view": "/users/nominations/",
  "users:user_sponsorships_dashboard": "/users/sponsorships/",
  "users:user_detail": "/users/{0}/",
};

/** Context variables an argument may name; anything else is unsupported. */
export interface PatternContext {
  username: string | null;
}

/** A parsed pattern: the URL name and its arguments (literals or `request.user.username`). */
export interface UrlPattern {
  name: string;
  args: Array<{ literal: string } | { variable: "request.user.username" }>;
}

/**
 * Parses sitetree's pattern syntax: a URL name followed by space-separated arguments,
 * each a quoted literal or a context variable. Returns a reason when it cannot be
 * supported (unknown name, unsupported variable, wrong argument count).
 */
export function parseUrlPattern(source: string): UrlPattern | { error: string } {
  const [name = "", ...rawArgs] = source.trim().split(/\s+/);
  const template = LEGACY_URL_NAMES[name];
  if (template === undefined) return { error: `unknown URL name "${name}"` };
  const args: UrlPattern["args"] = [];
  for (const raw of rawArgs) {
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    if (quoted) args.push({ literal: quoted[2]! });
    else if (raw === "request.user.username") args.push({ variable: raw });
    else return { error: `unsupported argument "${raw}" in "${source}"` };
  }
  const wanted = (template.match(/\{\d\}/g) ?? []).length;
  if (wanted !== args.length) return { error: `"${name}" takes ${wanted} argument(s), got ${args.length}` };
  return { name, args };
}

/** The path of a parsed pattern, or null when an argument has no value (e.g. an anonymous user's username). */
export function resolveUrlPattern(pattern: UrlPattern, context: PatternContext): string | null {
  const values: string[] = [];
  for (const arg of pattern.args) {
    const value = "literal" in arg ? arg.literal : context.username;
    if (!value) return null;
    values.push(encodeURIComponent(value));
  }
  return LEGACY_URL_NAMES[pattern.name]!.replace(/\{(\d)\}/g, (_, index: string) => values[Number(index)]!);
}
