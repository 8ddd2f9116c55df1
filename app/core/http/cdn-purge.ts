// The CDN purge hook. Legacy purged Fastly by surrogate key (fastly/utils.py,
// purge_surrogate_key); here any CDN with Fastly's purge API shape will do:
// POST <CDN_PURGE_URL> with {"surrogate_keys": [...]} and the token as `Fastly-Key`.

export interface CdnPurger {
  purge(keys: string[]): Promise<void>;
}

/** A purger for Fastly's bulk purge endpoint, e.g. https://api.fastly.com/service/<id>/purge. */
export function createCdnPurger(options: { url: string; token?: string; fetch?: typeof fetch; timeoutMs?: number }): CdnPurger {
  const send = options.fetch ?? fetch;
  return {
    async purge(keys) {
      const response = await send(options.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          ...(options.token ? { "Fastly-Key": options.token } : {}),
        },
        body: JSON.stringify({ surrogate_keys: keys }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // A failed purge must be retried (the job fails), or pages stay stale until they expire.
      if (!response.ok) throw new Error(`CDN purge failed with HTTP ${response.status}`);
    },
  };
}
