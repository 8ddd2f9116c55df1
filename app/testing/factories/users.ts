// Users for tests: unique names, a known password, permissions and groups by name.
import type { CreateUserInput } from "../../domains/users/index.ts";
import type { TestContext } from "../deps.ts";

let sequence = 0;

export interface TestUser {
  id: number;
  username: string;
  password: string;
}

/** Creates an active user (password "test-password-1" unless given), with permissions (`app.codename`) and groups by name. */
export async function createTestUser(ctx: TestContext, input: Partial<CreateUserInput> & { permissions?: string[]; groups?: string[] } = {}): Promise<TestUser> {
  sequence += 1;
  const { permissions = [], groups = [], ...fields } = input;
  const username = fields.username ?? `user${sequence}-${Date.now().toString(36)}`;
  const password = fields.password ?? "test-password-1";
  const user = await ctx.services.users.createUser({ input: { email: `${username}@example.com`, emailVerified: true, ...fields, username, password } });
  const db = ctx.deps.db;
  for (const permission of permissions) {
    const { id } = await ensurePermission(ctx, permission);
    await db.userPermission.create({ data: { userId: user.id, permissionId: id } });
  }
  for (const name of groups) {
    const group = await db.group.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await db.userGroup.create({ data: { userId: user.id, groupId: group.id } });
  }
  return { id: user.id, username, password };
}

/** Finds or creates the permission row for `appLabel.codename`. */
export async function ensurePermission(ctx: TestContext, permission: string): Promise<{ id: number }> {
  const [appLabel, codename] = permission.split(".") as [string, string];
  const model = codename.split("_").slice(1).join("_") || codename;
  return ctx.deps.db.permission.upsert({
    where: { appLabel_codename: { appLabel, codename } },
    create: { appLabel, codename, model, name: `Can ${codename.replaceAll("_", " ")}` },
    update: {},
    select: { id: true },
  });
}
