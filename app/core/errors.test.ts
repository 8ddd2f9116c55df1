import { describe, expect, it } from "vitest";
import { toAppError } from "./errors.ts";
import { useTestContext } from "../testing/deps.ts";

const ctx = useTestContext();

describe("toAppError", () => {
  it("turns PostgreSQL's refusal of NUL bytes into a 400, from model and raw queries alike", async () => {
    const fromModel = await ctx.deps.db.box.findFirst({ where: { label: "a\u0000b" } }).catch((error: unknown) => error);
    expect(toAppError(fromModel)).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    const fromRaw = await ctx.deps.db.$queryRaw`SELECT ${"a\u0000b"}::text`.catch((error: unknown) => error);
    expect(toAppError(fromRaw)).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("maps unique and missing-record errors by Prisma code, and leaves unknown errors alone", async () => {
    await ctx.deps.db.box.create({ data: { label: "twice" } });
    const duplicate = await ctx.deps.db.box.create({ data: { label: "twice" } }).catch((error: unknown) => error);
    expect(toAppError(duplicate)?.code).toBe("CONFLICT");
    const missing = await ctx.deps.db.box.delete({ where: { label: "nope" } }).catch((error: unknown) => error);
    expect(toAppError(missing)?.code).toBe("NOT_FOUND");
    expect(toAppError(new Error("boom"))).toBeUndefined();
  });
});
