// Ports: how one domain uses another without wiring in app.ts. A port is a typed name;
// one module binds an implementation to it (`provides`), others declare it in `uses`
// and read it with `ctx.use(port)`. The registry builds providers before their users.
export interface Port<T> {
  readonly name: string;
  /** Phantom field carrying the implementation type; never set. */
  readonly __implements?: T;
}

/** Declares a port; its name must be unique across the application. */
export function definePort<T>(name: string): Port<T> {
  return { name };
}

/** One implementation bound to a port. */
export interface PortBinding {
  port: Port<unknown>;
  implementation: unknown;
}

export function bind<T>(port: Port<T>, implementation: T): PortBinding {
  return { port: port as Port<unknown>, implementation };
}

/** The ports a module may read: only those it declared in `uses`. */
export interface PortReader {
  use<T>(port: Port<T>): T;
}
