// aws4fetch, used by the S3 backend and by the test gate that checks its signatures, against
// the signed examples of the S3 documentation ("Signature Calculations for the Authorization
// Header", examplebucket): the independent anchor for both.
import { createHash } from "node:crypto";
import { AwsV4Signer } from "aws4fetch";
import { describe, expect, it } from "vitest";
import { s3ObjectUrl } from "./s3.ts";

const S3_DOCS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const signer = (options: { method: string; url: string; headers: Record<string, string>; allHeaders?: boolean }) =>
  new AwsV4Signer({ ...options, ...S3_DOCS, service: "s3", region: "us-east-1", datetime: "20130524T000000Z" });

describe("SigV4 signatures from aws4fetch", () => {
  it("reproduce the S3 PUT example, its key encoded once by s3ObjectUrl as the backend sends it", async () => {
    const body = createHash("sha256").update("Welcome to Amazon S3.").digest("hex");
    // The example names the bucket in the host; the key's path is the one s3ObjectUrl makes.
    const keyPath = new URL(s3ObjectUrl("https://s3.amazonaws.com", "examplebucket", "test$file.text")).pathname.replace(/^\/examplebucket/, "");
    expect(keyPath).toBe("/test%24file.text");
    const url = `https://examplebucket.s3.amazonaws.com${keyPath}`;
    const put = signer({ method: "PUT", url, headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY", "x-amz-content-sha256": body } });
    expect(put.signedHeaders).toBe("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
    expect(await put.signature()).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("reproduce the S3 GET example with Range when every header is signed, as the test gate signs", async () => {
    const get = signer({
      method: "GET",
      url: "https://examplebucket.s3.amazonaws.com/test.txt",
      headers: { Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256 },
      allHeaders: true,
    });
    expect(get.signedHeaders).toBe("host;range;x-amz-content-sha256;x-amz-date");
    expect(await get.signature()).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });
});
