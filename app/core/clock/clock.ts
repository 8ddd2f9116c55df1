// Time as a dependency (`deps.clock`), so expiry, windows and schedules can be tested
// at their edges. Production reads the system clock; tests pass one they move.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
