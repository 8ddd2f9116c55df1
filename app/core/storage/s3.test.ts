// The S3 backend against s3rver behind its signature-checking gate (app/testing/s3-server.ts): what
// goes on the wire, what is refused before the bucket is asked, and how failures read.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStorage } from "./factory.ts";
import { createS3Storage, S3Error } from "./s3.ts";
import { type LocalS3, startLocalS3 } from "../../testing/s3-server.ts";
import type { FileStorage } from "./storage.ts";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let s3: LocalS3;
let storage: FileStorage;
beforeAll(async () => {
  s3 = await startLocalS3({ bucket: "media", region: "eu-west-3" });
  storage = createS3Storage({ endpoint: s3.endpoint, bucket: "media", region: "eu-west-3", credentials: s3.credentials, baseUrl: "/media/" });
});
afterAll(async () => s3?.close());
beforeEach(() => {
  s3.log.length = 0;
});

const text = async (body: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(body).arrayBuffer());

describe("S3 storage on the wire", () => {
  it("puts path-style with the key encoded once, a signed payload hash and If-None-Match, and the sniffed content type", async () => {
    await storage.put("community/café/notes.txt", new TextEncoder().encode("hello"));
    expect(s3.log).toEqual(["PUT /media/community/caf%C3%A9/notes.txt 200"]);
    expect(s3.signedHeaders.get("PUT")).toEqual(["host", "if-none-match", "x-amz-content-sha256", "x-amz-date"]);
    const stored = await s3.getObject("community/café/notes.txt");
    expect(stored.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await stored.text()).toBe("hello");

    expect(await storage.exists("community/café/notes.txt")).toBe(true);
    expect(await storage.exists("community/café/other.txt")).toBe(false);
    const file = await storage.open("community/café/notes.txt");
    expect(file?.size).toBe(5);
    expect(await text(file!.body)).toBe("hello");
    expect(await storage.open("missing.txt")).toBeNull();
    await storage.delete("community/café/notes.txt");
    await storage.delete("community/café/notes.txt");
    expect(await storage.exists("community/café/notes.txt")).toBe(false);
    expect(storage.url("community/café/notes.txt")).toBe("/media/community/caf%C3%A9/notes.txt");
  });

  it("refuses unsafe keys without asking the bucket", async () => {
    await expect(storage.put("../escape.png", PNG)).rejects.toThrow("Unsafe storage key");
    await expect(storage.exists("a//b.png")).rejects.toThrow("Unsafe storage key");
    expect(await storage.open("a/../b.png")).toBeNull();
    await storage.delete("/abs.png");
    expect(s3.log).toEqual([]);
  });

  it("is refused by the gate when unsigned or when the body does not match its signed hash", async () => {
    const unsigned = await fetch(`${s3.endpoint}/media/files/x.txt`, { method: "PUT", body: "x" });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>AccessDenied</Code>");
    const { AwsClient } = await import("aws4fetch");
    const client = new AwsClient({ ...s3.credentials, service: "s3", region: "eu-west-3", retries: 0 });
    const signed = await client.sign(`${s3.endpoint}/media/files/x.txt`, { method: "PUT", body: "signed", headers: { "x-amz-content-sha256": "0".repeat(64) } });
    const altered = await fetch(signed);
    expect(altered.status).toBe(403);
    expect(await altered.text()).toContain("<Code>XAmzContentSHA256Mismatch</Code>");
  });
});

describe("S3 storage failures", () => {
  it("names the call, key and bucket when the bucket does not answer, never the endpoint's secrets", async () => {
    // A port that was just free: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const closed = createS3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: "media",
      region: "eu-west-3",
      credentials: { accessKeyId: "id", secretAccessKey: "hidden-value" },
      baseUrl: "/media/",
    });
    const error = await closed.put("files/x.pdf", PNG).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ status: 0, code: "NoAnswer", message: "S3 PUT files/x.pdf in bucket media: no answer (ECONNREFUSED)" });
    expect(String((error as Error).stack)).not.toContain("hidden-value");
  });

  it("gives up after timeoutMs when the bucket accepts the connection but never answers", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const slow = createS3Storage({ endpoint, bucket: "media", region: "eu-west-3", credentials: s3.credentials, baseUrl: "/media/", timeoutMs: 100 });
      await expect(slow.exists("files/x.pdf")).rejects.toMatchObject({ code: "NoAnswer", message: "S3 HEAD files/x.pdf in bucket media: no answer (timed out after 100 ms)" });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("is chosen by the factory only when S3_ENDPOINT is set, and then needs the other settings", () => {
    const disk = { root: "/tmp/unused-media", baseUrl: "/media/" };
    expect(createStorage({}, disk).kind).toBe("disk");
    expect(createStorage({ S3_ENDPOINT: s3.endpoint, S3_BUCKET: "media", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "s" }, disk).kind).toBe("s3");
    expect(() => createStorage({ S3_ENDPOINT: s3.endpoint, S3_SECRET_ACCESS_KEY: "hidden-value" }, disk)).toThrow(
      /^S3_ENDPOINT is set, so S3_BUCKET, S3_ACCESS_KEY_ID must be set too$/,
    );
  });
});
