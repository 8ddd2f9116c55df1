import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../app/testing/deps.ts";
import { formPost, responseCookie } from "../app/testing/auth.ts";
import { runCreateUser } from "./create-user.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => ctx.reset());
afterAll(async () => ctx.close());

function run(argv: string[], options: { env?: NodeJS.ProcessEnv; answers?: string[] } = {}) {
  const lines: string[] = [];
  const answers = [...(options.answers ?? [])];
  const promptSecret = options.answers ? async () => answers.shift() ?? "" : undefined;
  const code = runCreateUser(argv, ctx.services, { env: options.env ?? {}, promptSecret, print: (line) => lines.push(line) });
  return code.then((exitCode) => ({ exitCode, output: lines.join("\n") }));
}

describe("npm run user:create", () => {
  it("creates a superuser from USER_PASSWORD who can then sign in", async () => {
    const result = await run(["--username", "root", "--email", "Root@Example.com", "--superuser"], { env: { USER_PASSWORD: "a-long-password" } });
    expect(result).toMatchObject({ exitCode: 0 });
    expect(result.output).toMatch(/Created for root \(id \d+\)/);
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "root" }, include: { emailAddresses: true } });
    expect(user).toMatchObject({ isStaff: true, isSuperuser: true });
    expect(user.emailAddresses).toMatchObject([{ email: "root@example.com", verified: true, primary: true }]);
    const login = await ctx.app.request("/accounts/login/", formPost(ctx, { username: "root@example.com", password: "a-long-password" }));
    expect(login.status).toBe(303);
    expect(responseCookie(login, "sessionid")?.value).toBeTruthy();
  });

  it("prompts twice when there is no USER_PASSWORD and refuses different answers", async () => {
    expect((await run(["--username", "editor", "--staff"], { answers: ["first-password", "other-password"] })).exitCode).toBe(1);
    expect(await ctx.deps.db.user.count()).toBe(0);
    const created = await run(["--username", "editor", "--staff"], { answers: ["same-password", "same-password"] });
    expect(created.exitCode).toBe(0);
    expect(await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "editor" } })).toMatchObject({ isStaff: true, isSuperuser: false });
  });

  it("explains bad input instead of crashing", async () => {
    expect((await run([])).exitCode).toBe(2);
    expect((await run(["--username", "x", "--unknown"])).exitCode).toBe(2);
    expect((await run(["--username", "x"])).output).toContain("USER_PASSWORD");
    const weak = await run(["--username", "weak"], { env: { USER_PASSWORD: "short" } });
    expect(weak).toMatchObject({ exitCode: 1 });
    expect(weak.output).toContain("password: Use at least 8 characters.");
    await run(["--username", "taken"], { env: { USER_PASSWORD: "long-enough-1" } });
    const twin = await run(["--username", "TAKEN"], { env: { USER_PASSWORD: "long-enough-1" } });
    expect(twin).toMatchObject({ exitCode: 1 });
    expect(twin.output).toContain("That username is already taken.");
  });

  it("resets a password and issues API credentials on request", async () => {
    await run(["--username", "release-bot", "--staff"], { env: { USER_PASSWORD: "first-password" } });
    const reset = await run(["--username", "release-bot", "--reset-password", "--api-key", "--token"], { env: { USER_PASSWORD: "second-password" } });
    expect(reset.exitCode).toBe(0);
    const key = /API key \(shown once\): ([0-9a-f]{40})/.exec(reset.output)![1]!;
    const token = /API token \(shown once\): ([0-9a-f]{40})/.exec(reset.output)![1]!;
    expect(await ctx.services.users.findUserByApiKey({ username: "release-bot", key })).not.toBeNull();
    expect(await ctx.services.users.findUserByToken({ key: token })).not.toBeNull();
    expect((await ctx.services.users.authenticate({ login: "release-bot", password: "second-password" })).ok).toBe(true);
    expect((await run(["--username", "ghost", "--reset-password"], { env: { USER_PASSWORD: "whatever-pass" } })).output).toContain('no user named "ghost"');
  });
});
