// The embedded server is shared, not doubled: a second process on the same folder joins
// the running server, and every way of failing is one sentence, never `undefined`.
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { describeFailure } from "../cli/failure.ts";
import { createLogger } from "../logging/logger.ts";
import { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded.ts";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
  } finally {
    await client.end();
  }
}

const logger = createLogger({ level: "silent" });

describe("embedded PostgreSQL", { timeout: 120_000 }, () => {
  let root: string | undefined;
  let owner: EmbeddedDatabase | undefined;
  afterAll(async () => {
    await owner?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("joins the server already running on the folder, starts it when none is, and explains failures", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "pydotorg-embedded-"));
    const dataDir = path.join(root, "postgres");
    const port = await freePort();
    owner = await startEmbeddedPostgres({ dataDir, port, logger });
    expect(owner).toMatchObject({ created: true, joined: false });

    const second = await startEmbeddedPostgres({ dataDir, port, logger });
    expect(second).toMatchObject({ created: false, joined: true, url: owner.url });
    expect(await selectOne(second.url)).toBe(1);
    await second.stop(); // a joined server is not stopped by the one who joined
    expect(await selectOne(owner.url)).toBe(1);

    const otherPort = port + 1;
    const mismatch = await startEmbeddedPostgres({ dataDir, port: otherPort, logger }).catch((error: unknown) => error);
    expect(mismatch).toBeInstanceOf(EmbeddedDatabaseError);
    expect((mismatch as Error).message).toContain(`EMBEDDED_PG_PORT=${port}`);

    await owner.stop();
    owner = undefined;
    // Something else on the port: postgres cannot bind and the reason is named.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const busy = await startEmbeddedPostgres({ dataDir, port, logger }).catch((error: unknown) => error);
      expect(busy).toBeInstanceOf(EmbeddedDatabaseError);
      expect(describeFailure(busy)).toMatch(new RegExp(`^Port ${port} is already used by another program.*EMBEDDED_PG_PORT`));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("never describes a failure as undefined", () => {
    expect(describeFailure(undefined)).toMatch(/failed without giving a reason/);
    expect(describeFailure(Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" }))).toMatch(/^Could not reach the database \(ECONNREFUSED\)/);
  });
});
