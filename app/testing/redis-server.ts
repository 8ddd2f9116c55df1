// A private redis-server child process for tests that stop and restart Redis under a
// running app: on a free loopback port, without persistence, killed on stop.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, connect } from "node:net";

/** A free TCP port on 127.0.0.1, found by letting the kernel pick one. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Calls `probe` until it is true or `timeoutMs` passes (then throws `what`). */
export async function pollUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface TestRedisServer {
  port: number;
  url: string;
  /** Starts the server (again) on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills the server (SIGKILL: an outage, not a shutdown) and waits for it to exit. */
  stop(): Promise<void>;
}

export async function createTestRedisServer(): Promise<TestRedisServer> {
  const port = await freeLoopbackPort();
  let child: ChildProcess | undefined;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      const started = child;
      started.once("exit", () => {
        if (child === started) child = undefined;
      });
      await pollUntil(`redis-server on port ${port}`, async () => {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
        return acceptsConnections(port);
      });
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      const exited = once(running, "exit");
      running.kill("SIGKILL");
      await exited;
    },
  };
}
