// Tells every web process which cache tags were invalidated, so each can drop the
// responses it holds in memory. In one process (no Redis) listeners are called directly.
// With Redis the tags go over pub/sub, and `publish` waits until every subscribed process
// has acknowledged them (briefly; a process that does not answer in time is not waited
// for): so once a write has answered, no process serves a copy it retired, whichever
// process the next request reaches. A subscriber that lost its connection may have
// missed messages, so until it is subscribed again the bus reports itself not live and,
// once back, calls `onGap` listeners: whoever trusts the bus then drops everything.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/logger.ts";

export interface InvalidationBus {
  /** Delivers the tags to this process's listeners at once, then to every other process. */
  publish(tags: readonly string[]): Promise<void>;
  onInvalidate(listener: (tags: readonly string[]) => void): void;
  /** Called when the bus may have missed messages (a reconnect). */
  onGap(listener: () => void): void;
  /** True while every invalidation from any process is known to arrive. */
  isLive(): boolean;
  close(): Promise<void>;
}

/** How long `publish` waits for the other processes' acknowledgements. */
export const ACK_TIMEOUT_MS = 250;

interface Listeners {
  invalidate: Array<(tags: readonly string[]) => void>;
  gap: Array<() => void>;
}

function emit(listeners: Listeners["invalidate"], tags: readonly string[]): void {
  for (const listener of listeners) listener(tags);
}

/** The bus of a single process: nothing to miss, always live. */
export function createLocalInvalidationBus(): InvalidationBus {
  const listeners: Listeners = { invalidate: [], gap: [] };
  return {
    async publish(tags) {
      emit(listeners.invalidate, tags);
    },
    onInvalidate: (listener) => void listeners.invalidate.push(listener),
    onGap: (listener) => void listeners.gap.push(listener),
    isLive: () => true,
    async close() {},
  };
}

interface Invalidation {
  id: string;
  from: string;
  tags: string[];
}

/** Pub/sub on Redis: `publisher` is the shared client, the subscriber is its own connection. */
export function createRedisInvalidationBus(options: { publisher: Redis; channel: string; logger?: Pick<Logger, "warn">; ackTimeoutMs?: number }): InvalidationBus {
  const { publisher, channel } = options;
  const processId = randomUUID();
  const ackChannel = (process: string) => `${channel}:ack:${process}`;
  const listeners: Listeners = { invalidate: [], gap: [] };
  const waiting = new Map<string, { remaining: number; done: () => void }>();
  // duplicate() keeps the fail-fast settings; channels are not prefixed, keys are not used.
  const subscriber = publisher.duplicate({ keyPrefix: "" });
  let subscribed = false;
  let everSubscribed = false;
  let closing = false;

  subscriber.on("error", () => {
    // Reported by the shared client's handler; this one only keeps ioredis quiet.
  });
  subscriber.on("close", () => {
    subscribed = false;
  });
  subscriber.on("ready", () => {
    subscriber.subscribe(channel, ackChannel(processId)).then(
      () => {
        subscribed = true;
        if (everSubscribed) for (const listener of listeners.gap) listener();
        everSubscribed = true;
      },
      // A process that closes while connecting has nothing to report.
      (error: unknown) => closing || options.logger?.warn({ err: error }, "could not subscribe to cache invalidations"),
    );
  });
  subscriber.on("message", (received: string, message: string) => {
    if (received === ackChannel(processId)) {
      const wait = waiting.get(message);
      if (wait && --wait.remaining <= 0) wait.done();
      return;
    }
    if (received !== channel) return;
    const invalidation = parseInvalidation(message);
    if (!invalidation) return;
    // Our own message was applied when it was published.
    if (invalidation.from !== processId) emit(listeners.invalidate, invalidation.tags);
    publisher.publish(ackChannel(invalidation.from), invalidation.id).catch(() => undefined);
  });

  return {
    async publish(tags) {
      emit(listeners.invalidate, tags);
      const invalidation: Invalidation = { id: randomUUID(), from: processId, tags: [...tags] };
      // While Redis is down other processes are not live and do not trust their memory anyway.
      const receivers = await publisher.publish(channel, JSON.stringify(invalidation)).catch(() => 0);
      if (receivers <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(invalidation.id);
          options.logger?.warn({ tags, receivers }, "not every web process acknowledged a cache invalidation in time");
          resolve();
        }, options.ackTimeoutMs ?? ACK_TIMEOUT_MS);
        waiting.set(invalidation.id, {
          remaining: receivers,
          done: () => {
            clearTimeout(timer);
            waiting.delete(invalidation.id);
            resolve();
          },
        });
      });
    },
    onInvalidate: (listener) => void listeners.invalidate.push(listener),
    onGap: (listener) => void listeners.gap.push(listener),
    isLive: () => subscribed && publisher.status === "ready",
    async close() {
      closing = true;
      for (const wait of waiting.values()) wait.done();
      subscriber.disconnect();
    },
  };
}

function parseInvalidation(message: string): Invalidation | undefined {
  try {
    const parsed = JSON.parse(message) as Partial<Invalidation>;
    const valid = typeof parsed.id === "string" && typeof parsed.from === "string" && Array.isArray(parsed.tags) && parsed.tags.every((tag) => typeof tag === "string");
    return valid ? (parsed as Invalidation) : undefined;
  } catch {
    return undefined;
  }
}
