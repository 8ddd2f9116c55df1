// `npm run bench`: requests/s, p50 and p99 of the busiest pages, feeds and API lists,
// with the response cache warm and off, next to a static server holding the same bytes
// (scripts/bench/main.ts; `npm run bench -- --help` lists the options). The same file is
// also the entry of the processes it forks: `--role loadgen` (the node load generator)
// and `--role static` (the static server), so a fresh clone's build has all three.
import { runCommand } from "../app/core/cli/failure.ts";

const role = process.argv[2] === "--role" ? process.argv[3] : undefined;
if (role === "loadgen") (await import("./bench/loadgen.ts")).serveLoadgenRole();
else if (role === "static") (await import("./bench/static-server.ts")).serveStaticRole();
else await runCommand("bench", async () => (await import("./bench/main.ts")).main(process.argv.slice(2)));
