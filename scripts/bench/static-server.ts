// The yardstick: a plain node:http server, in its own process, answering each measured
// path with the exact bytes and content type the app sent, from memory. What the app
// reaches against it is the share of this machine's HTTP capacity the app leaves unused.
import { fork } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StaticRoute {
  path: string;
  status: number;
  contentType: string;
  /** The body, base64 (IPC carries JSON). */
  body: string;
}

export interface StaticServer {
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

export function startStaticServer(routes: StaticRoute[], options: { entry: string; execArgv: string[] }): Promise<StaticServer> {
  return new Promise((resolve, reject) => {
    const child = fork(options.entry, ["--role", "static"], { execArgv: options.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the static server exited with ${code} before listening`)));
    child.once("message", (message) => {
      child.removeAllListeners("exit");
      const { port } = message as { port: number };
      resolve({
        pid: child.pid!,
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.send(routes);
  });
}

/** The child side: listens on a free port and reports it over IPC. */
export function serveStaticRole(): void {
  process.once("message", (routes: StaticRoute[]) => {
    const table = new Map(routes.map((route) => [route.path, { status: route.status, contentType: route.contentType, body: Buffer.from(route.body, "base64") }]));
    const server = http.createServer({ keepAliveTimeout: 30_000 }, (request, response) => {
      const found = table.get(request.url ?? "");
      if (!found) {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      response.writeHead(found.status, { "content-type": found.contentType, "content-length": found.body.length }).end(found.body);
    });
    server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
    process.once("SIGTERM", () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
    // IPC stays open for the parent's SIGTERM; a parent that dies takes this process with it.
    process.once("disconnect", () => process.exit(0));
  });
}
