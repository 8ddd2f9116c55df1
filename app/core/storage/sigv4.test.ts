// The signer against AWS's published SigV4 examples: the IAM walkthrough of "Create a signed
// AWS API request", the get-vanilla cases of the SigV4 test suite, and the S3 header examples.
import { describe, expect, it } from "vitest";
import { amzDate, canonicalRequest, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from "./sigv4.ts";

const SUITE = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const SUITE_DATE = new Date("2015-08-30T12:36:00Z");
const S3_DOCS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const S3_DATE = new Date("2013-05-24T00:00:00Z");
const s3 = { region: "us-east-1", service: "s3" };

describe("SigV4 signing", () => {
  it("reproduces the documented IAM ListUsers example, canonical request included", () => {
    const canonical = canonicalRequest({
      method: "GET",
      path: "/",
      query: "Version=2010-05-08&Action=ListUsers",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", Host: "iam.amazonaws.com", "X-Amz-Date": "20150830T123600Z" },
      payloadHash: EMPTY_SHA256,
    });
    expect(canonical).toBe(
      [
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        "content-type:application/x-www-form-urlencoded; charset=utf-8",
        "host:iam.amazonaws.com",
        "x-amz-date:20150830T123600Z",
        "",
        "content-type;host;x-amz-date",
        EMPTY_SHA256,
      ].join("\n"),
    );
    expect(sha256Hex(canonical)).toBe("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");

    const headers = signRequest(
      { method: "GET", url: new URL("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"), headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" }, payloadHash: EMPTY_SHA256 },
      SUITE,
      { region: "us-east-1", service: "iam" },
      SUITE_DATE,
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
    expect(headers).toMatchObject({ host: "iam.amazonaws.com", "x-amz-date": "20150830T123600Z" });
  });

  it("passes get-vanilla and get-vanilla-query-order-key-case from the SigV4 test suite", () => {
    const sign = (url: string) => signRequest({ method: "GET", url: new URL(url), headers: {}, payloadHash: EMPTY_SHA256 }, SUITE, { region: "us-east-1", service: "service" }, SUITE_DATE).authorization;
    expect(sign("https://example.amazonaws.com/")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
    expect(sign("https://example.amazonaws.com/?Param2=value2&Param1=value1")).toMatch(/Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/);
  });

  it("reproduces the S3 GET (with Range) and PUT examples of the S3 documentation", () => {
    const get = signRequest({ method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256 }, payloadHash: EMPTY_SHA256 }, S3_DOCS, s3, S3_DATE);
    expect(get.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    const body = sha256Hex("Welcome to Amazon S3.");
    // The key "test$file.text" goes on the wire, and into the canonical path, encoded once.
    const url = new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text")}`);
    const put = signRequest({ method: "PUT", url, headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY", "x-amz-content-sha256": body }, payloadHash: body }, S3_DOCS, s3, S3_DATE);
    expect(put.authorization).toMatch(/SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
  });

  it("encodes as RFC 3986 wants and formats dates without separators", () => {
    expect(uriEncode("a b+c*(d)!'~é")).toBe("a%20b%2Bc%2A%28d%29%21%27~%C3%A9");
    expect(canonicalRequest({ method: "get", path: "/", query: "b=2&a=x+y&a=1", headers: { Host: "  h   x " }, payloadHash: "p" }).split("\n").slice(0, 4)).toEqual(["GET", "/", "a=1&a=x%20y&b=2", "host:h x"]);
    expect(amzDate(new Date("2024-01-02T03:04:05.678Z"))).toBe("20240102T030405Z");
  });
});
