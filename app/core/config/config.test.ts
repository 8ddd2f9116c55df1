import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults PORT to 8000 and runs the worker in-process", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8000);
    expect(config.RUN_WORKER).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("derives SITE_URL from HOST and PORT when it is unset", () => {
    expect(loadConfig({}).SITE_URL).toBe("http://127.0.0.1:8000");
    expect(loadConfig({ PORT: "18300" }).SITE_URL).toBe("http://127.0.0.1:18300");
    expect(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).SITE_URL).toBe("http://127.0.0.1:8080");
    expect(loadConfig({ HOST: "::1", PORT: "8080", SITE_URL: "" }).SITE_URL).toBe("http://[::1]:8080");
    expect(loadConfig({ PORT: "18300", SITE_URL: "https://www.python.org" }).SITE_URL).toBe("https://www.python.org");
  });

  it("names the variable in a one-line error", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: "abc" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain('"abc"');
      expect(message).not.toContain("\n");
    }
  });

  it("rejects malformed service URLs and treats empty ones as unset", () => {
    expect(() => loadConfig({ REDIS_URL: "not a url" })).toThrowError(/REDIS_URL/);
    expect(loadConfig({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("takes an smtp(s):// SMTP_URL and a From address, defaulting to the outbox and noreply@python.org", () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({}).MAIL_FROM).toBe("noreply@python.org");
    expect(loadConfig({ SMTP_URL: "smtps://user:pw@mail.example.org:465", MAIL_FROM: "psf@python.org" })).toMatchObject({
      SMTP_URL: "smtps://user:pw@mail.example.org:465",
      MAIL_FROM: "psf@python.org",
    });
    expect(() => loadConfig({ SMTP_URL: "https://mail.example.org" })).toThrowError(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ MAIL_FROM: "not an address" })).toThrowError(/MAIL_FROM must be an e-mail address/);
  });

  it("requires a secret key in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrowError(/SECRET_KEY/);
    const secret = "x".repeat(40);
    expect(loadConfig({ NODE_ENV: "production", SECRET_KEY: secret }).SECRET_KEY).toBe(secret);
  });

  it("requires the bucket and keys when S3 is configured", () => {
    expect(() => loadConfig({ S3_ENDPOINT: "https://s3.example.org" })).toThrowError(/S3_BUCKET is required when S3_ENDPOINT is set/);
    const config = loadConfig({ S3_ENDPOINT: "https://s3.example.org", S3_BUCKET: "media", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
    expect(config.S3_REGION).toBe("us-east-1");
  });

  it("parses boolean flags", () => {
    expect(loadConfig({ RUN_WORKER: "0" }).RUN_WORKER).toBe(false);
    expect(() => loadConfig({ RUN_WORKER: "maybe" })).toThrowError(/RUN_WORKER/);
  });
});
