import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestUser } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { diffSnapshots, listAuditHistory, runAudited } from "./audit.ts";
import { defineAdminResource } from "./registry.ts";

const ctx = useTestContext();

type Thing = { id: number; name: string };
const things = defineAdminResource<Thing, { name: string }>({
  appLabel: "test",
  model: "thing",
  verboseName: "thing",
  verboseNamePlural: "things",
  listColumns: [{ name: "name", label: "Name", value: (t) => t.name, sortable: true }],
  searchFields: [],
  filters: [],
  defaultOrdering: "name",
  perPage: 10,
  form: { schema: z.object({ name: z.string() }), fields: [] },
  list: async () => ({ rows: [], total: 0 }),
  load: async () => null,
  create: async ({ input }) => ({ id: 7, ...input }),
  update: async ({ id, input }) => ({ id, ...input }),
  delete: async () => undefined,
  toFormValues: (t) => ({ name: t.name }),
  idOf: (t) => t.id,
  toRepr: (t) => t.name.repeat(100),
  toAuditSnapshot: (t) => ({ name: t.name, at: new Date(Date.UTC(2026, 0, 1)), missing: undefined }),
});

describe("audit log", () => {
  it("audits a write whose service ignored the hook, right after it, from the admin's before/after", async () => {
    const actor = await createTestUser(ctx);
    await runAudited({
      db: ctx.deps.db,
      resource: things,
      actorId: actor.id,
      action: "update",
      write: (onWrite) => things.update({ user: null as never, id: 7, input: { name: "new" }, onWrite }),
      fallback: async (after) => [{ before: { id: 7, name: "old" }, after }],
    });
    const [entry] = await ctx.deps.db.auditLogEntry.findMany();
    expect(entry).toMatchObject({
      model: "test.thing",
      objectId: "7",
      action: "update",
      actorId: actor.id,
      before: { name: "old", at: "2026-01-01T00:00:00.000Z" },
      after: { name: "new" },
    });
    expect(entry!.objectRepr).toHaveLength(200);
    expect(entry!.after).not.toHaveProperty("missing");
  });

  it("writes nothing for a bulk change that changed nothing", async () => {
    await runAudited({
      db: ctx.deps.db,
      resource: things,
      actorId: (await createTestUser(ctx)).id,
      action: "activate",
      write: async () => 0,
      fallback: async () => [{ before: { id: 1, name: "same" }, after: { id: 1, name: "same" } }],
    });
    expect(await ctx.deps.db.auditLogEntry.count()).toBe(0);
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    const actor = await createTestUser(ctx);
    const entry = await ctx.deps.db.auditLogEntry.create({ data: { actorId: actor.id, action: "create", model: "test.thing", objectId: "1", objectRepr: "x" } });
    await expect(ctx.deps.db.auditLogEntry.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(ctx.deps.db.auditLogEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    // Deleting the actor is the one change allowed: the entry stays, without its actor.
    await ctx.deps.db.user.delete({ where: { id: actor.id } });
    const history = await listAuditHistory(ctx.deps.db, { model: "test.thing", objectId: "1", limit: 10 });
    expect(history).toMatchObject([{ actor: "(deleted user)", action: "create" }]);
  });

  it("diffs snapshots field by field", () => {
    expect(diffSnapshots({ a: 1, b: "x", c: [1] }, { a: 1, b: "y", d: true })).toEqual([
      { field: "b", before: "x", after: "y" },
      { field: "c", before: "[1]", after: "" },
      { field: "d", before: "", after: "true" },
    ]);
    expect(diffSnapshots(null, { a: "z".repeat(3000) })[0]!.after).toHaveLength(2001);
  });
});
