// The S3 backend's contract with a real S3-compatible server, built by the production factory
// from S3_* settings: in every run against s3rver on 127.0.0.1 (started here, its bucket
// created here, signatures checked by its gate, see app/testing/s3-server.ts), or against the bucket
// at S3_ENDPOINT (MinIO, R2, AWS) when the S3_* variables are set. Removes what it writes.
import { randomBytes } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipUnless } from "../../testing/skip.ts";
import { createStorage, type S3Settings } from "./factory.ts";
import { S3Error, s3ObjectUrl } from "./s3.ts";
import { type LocalS3, startLocalS3 } from "../../testing/s3-server.ts";
import type { FileStorage } from "./storage.ts";

const external = Boolean(process.env.S3_ENDPOINT);
const disk = { root: ".data/unused", baseUrl: "/media/" };
let local: LocalS3 | undefined;
let settings: Required<S3Settings>;
let storage: FileStorage;

beforeAll(async () => {
  if (external) {
    const env = process.env;
    settings = {
      S3_ENDPOINT: env.S3_ENDPOINT!,
      S3_BUCKET: env.S3_BUCKET ?? "",
      S3_REGION: env.S3_REGION || "us-east-1",
      S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID ?? "",
      S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY ?? "",
    };
  } else {
    local = await startLocalS3({ bucket: "contract", region: "eu-west-3" });
    settings = {
      S3_ENDPOINT: local.endpoint,
      S3_BUCKET: local.bucket,
      S3_REGION: local.region,
      S3_ACCESS_KEY_ID: local.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: local.credentials.secretAccessKey,
    };
  }
  storage = createStorage(settings, disk);
});
afterAll(async () => local?.close());

const freshKey = (name: string) => `contract-test/${randomBytes(8).toString("hex")}/${name}`;
const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (caught: unknown) => caught,
  );

describe(`S3 storage contract (${external ? "S3_ENDPOINT" : "s3rver on 127.0.0.1"})`, () => {
  it("stores, finds, streams and deletes an object, with its content type and an awkward key", async () => {
    expect(storage.kind).toBe("s3");
    const key = freshKey("notes é (draft)+1!.txt");
    const bytes = new TextEncoder().encode("contract test");
    try {
      await storage.put(key, bytes);
      expect(await storage.exists(key)).toBe(true);
      const file = await storage.open(key);
      expect(file?.size).toBe(bytes.length);
      expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(bytes);
      const client = new AwsClient({
        accessKeyId: settings.S3_ACCESS_KEY_ID,
        secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
        service: "s3",
        region: settings.S3_REGION,
        retries: 0,
      });
      const raw = await client.fetch(s3ObjectUrl(settings.S3_ENDPOINT, settings.S3_BUCKET, key));
      expect(raw.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      await raw.body?.cancel();
    } finally {
      await storage.delete(key);
    }
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.open(key)).toBeNull();
    await storage.delete(key);
  });

  it("refuses a wrong secret with SignatureDoesNotMatch, and the error shows neither key", async () => {
    const wrong = createStorage({ ...settings, S3_SECRET_ACCESS_KEY: "not-the-secret" }, disk);
    const key = freshKey("refused.txt");
    const error = await rejectionOf(wrong.put(key, new TextEncoder().encode("x")));
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    const shown = String((error as Error).message) + String((error as Error).stack);
    for (const secret of ["not-the-secret", settings.S3_SECRET_ACCESS_KEY, settings.S3_ACCESS_KEY_ID]) expect(shown).not.toContain(secret);
    expect(await storage.exists(key)).toBe(false);
  });

  it("refuses an access key id it does not know", async () => {
    const stranger = createStorage({ ...settings, S3_ACCESS_KEY_ID: "AKIDNOBODYKNOWS" }, disk);
    await expect(stranger.exists(freshKey("x.txt"))).rejects.toMatchObject({ status: 403 });
    await expect(stranger.put(freshKey("x.txt"), new TextEncoder().encode("x"))).rejects.toMatchObject({ status: 403, code: "InvalidAccessKeyId" });
  });

  // s3rver 3.7 ignores If-None-Match on PUT and overwrites; AWS, MinIO and R2 answer 412.
  it.skipIf(
    skipUnless(
      external,
      "S3 conditional writes: s3rver replaces objects whatever If-None-Match says; set S3_ENDPOINT (e.g. a local MinIO) to check that an upload never replaces an object",
    ),
  )("never replaces an object", async () => {
    const key = freshKey("once.txt");
    try {
      await storage.put(key, new TextEncoder().encode("first"));
      await expect(storage.put(key, new TextEncoder().encode("second"))).rejects.toMatchObject({ status: 412, code: "PreconditionFailed" });
      expect(await new Response((await storage.open(key))!.body).text()).toBe("first");
    } finally {
      await storage.delete(key);
    }
  });
});
