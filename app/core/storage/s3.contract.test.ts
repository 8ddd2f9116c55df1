// Contract test against a real S3-compatible bucket (MinIO, R2, AWS); runs only when
// S3_ENDPOINT and the other S3_* variables are set, and removes what it writes.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStorage } from "./factory.ts";
import { skipUnless } from "../../testing/skip.ts";

describe.skipIf(skipUnless(Boolean(process.env.S3_ENDPOINT), "S3 contract: set S3_ENDPOINT, S3_BUCKET and keys to run it"))("S3 media storage against S3_ENDPOINT", () => {
  it("stores, finds, streams and deletes an object", async () => {
    const storage = createStorage(process.env, { root: ".data/unused", baseUrl: "/media/" });
    expect(storage.kind).toBe("s3");
    const key = `contract-test/${randomBytes(8).toString("hex")}/notes é.txt`;
    const bytes = new TextEncoder().encode("contract test");
    try {
      await storage.put(key, bytes);
      expect(await storage.exists(key)).toBe(true);
      const file = await storage.open(key);
      expect(file?.size).toBe(bytes.length);
      expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(bytes);
    } finally {
      await storage.delete(key);
    }
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.open(key)).toBeNull();
  });
});
