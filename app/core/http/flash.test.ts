import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./env.ts";
import { addFlash, flashMessages, takeFlash } from "./flash.ts";

const options = { secret: "s".repeat(40), secureCookies: false };

function flashApp() {
  const app = new Hono<AppEnv>();
  app.use(flashMessages(options));
  app.post("/save", (c) => {
    addFlash(c, { level: "success", text: "Box saved." }, options);
    return c.redirect("/after", 303);
  });
  app.get("/after", (c) => c.json(takeFlash(c)));
  return app;
}

describe("flash messages", () => {
  it("survive one redirect and are shown once", async () => {
    const app = flashApp();
    const saved = await app.request("/save", { method: "POST" });
    const cookie = /flash=([^;]+)/.exec(saved.headers.get("set-cookie") ?? "")?.[1];
    expect(cookie).toBeTruthy();
    const shown = await app.request("/after", { headers: { Cookie: `flash=${cookie}` } });
    expect(await shown.json()).toEqual([{ level: "success", text: "Box saved." }]);
    expect(shown.headers.get("set-cookie")).toMatch(/flash=;/);
  });

  it("ignore a forged or tampered cookie", async () => {
    const forged = Buffer.from(JSON.stringify([{ level: "error", text: "<script>" }])).toString("base64url");
    const response = await flashApp().request("/after", { headers: { Cookie: `flash=${forged}.bad` } });
    expect(await response.json()).toEqual([]);
  });
});
