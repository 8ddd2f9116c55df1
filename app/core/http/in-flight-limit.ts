// Bounds the requests a process builds at once. Pages and API answers are CPU work on one
// event loop: past a handful in flight, more at once only adds memory (each holds its rows,
// strings and buffers until it is sent) and latency, not throughput. Requests beyond the
// limit wait their turn in arrival order; when the queue is full, or a request has waited
// too long, it is refused with a 503 the client may retry. Answers served from the
// response cache never reach this gate.
import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./env.ts";

export interface InFlightLimitOptions {
  /** Requests built at once. */
  max: number;
  /** Requests that may wait for a turn; more are refused at once. */
  queue: number;
  /** The longest a request waits for its turn. */
  timeoutMs: number;
}

export interface InFlightGate {
  middleware: MiddlewareHandler<AppEnv>;
  /** Requests being built, and waiting (for health output and tests). */
  stats(): { running: number; waiting: number; refused: number };
}

export const BUSY_MESSAGE = "The site is busy right now. Please try again in a moment.";

export function createInFlightLimit(options: InFlightLimitOptions): InFlightGate {
  let running = 0;
  let refused = 0;
  // FIFO of waiters; a waiter that timed out is removed by its own timer.
  const waiting = new Set<() => void>();

  const release = () => {
    const next = waiting.values().next();
    if (next.done) {
      running--;
      return;
    }
    // The slot passes straight to the oldest waiter: `running` is unchanged.
    waiting.delete(next.value);
    next.value();
  };

  const acquire = (): Promise<boolean> => {
    if (running < options.max) {
      running++;
      return Promise.resolve(true);
    }
    if (waiting.size >= options.queue) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(admit);
        resolve(false);
      }, options.timeoutMs);
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      waiting.add(admit);
    });
  };

  const middleware: MiddlewareHandler<AppEnv> = async (_c, next) => {
    if (!(await acquire())) {
      refused++;
      throw new AppError("UNAVAILABLE", BUSY_MESSAGE);
    }
    try {
      await next();
    } finally {
      release();
    }
  };

  return { middleware, stats: () => ({ running, waiting: waiting.size, refused }) };
}
