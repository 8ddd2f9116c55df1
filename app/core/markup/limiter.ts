// A counting semaphore for child processes: at most `running` at once, at most `waiting`
// queued behind them; a caller that finds the queue full is refused at once instead of
// piling up (the reST preview), or may choose to wait however long it takes (the job).

export class LimiterBusyError extends Error {
  override name = "LimiterBusyError";
}

export interface Limiter {
  /** Runs `work` when a slot is free; `queue: "bounded"` rejects with LimiterBusyError when the queue is full. */
  run<T>(work: () => Promise<T>, options?: { queue?: "bounded" | "unbounded" }): Promise<T>;
  /** Slots in use now. */
  readonly active: number;
}

export function createLimiter(limits: { running: number; waiting: number }): Limiter {
  let active = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    active -= 1;
    const next = queue.shift();
    if (next) {
      active += 1;
      next();
    }
  };

  return {
    get active() {
      return active;
    },
    async run(work, options = {}) {
      if (active < limits.running) {
        active += 1;
      } else {
        if ((options.queue ?? "bounded") === "bounded" && queue.length >= limits.waiting) throw new LimiterBusyError("too many running");
        // The slot is handed over by `release`, which counts it before waking us.
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
