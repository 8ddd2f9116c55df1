// Admin-only reads and writes of user accounts: the editors' admin lists, edits and
// deletes users here. Every write runs in one transaction that also runs the caller's
// WriteHook (the audit entry), and ends the user's sessions when their password or
// privileges change.
import { hashPassword, isUsablePassword, unusablePassword } from "../../../core/auth/passwords.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { Tx, WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { CurrentUser } from "../../../core/http/env.ts";
import { assertUserChangeAllowed, assertUserDeleteAllowed } from "./policy.ts";
import { type AdminPageQuery, type UserAdminInput, UserAdminInputSchema, type UserSortField } from "./schemas.ts";

export interface AdminUserView {
  id: number;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  lastLogin: Date | null;
  dateJoined: Date;
  passwordUsable: boolean;
  securityStamp: number;
  groups: Array<{ id: number; name: string }>;
}

export interface UserListQuery extends AdminPageQuery<UserSortField> {
  isStaff?: boolean;
  isSuperuser?: boolean;
  isActive?: boolean;
}

const userSelect = {
  id: true,
  username: true,
  email: true,
  firstName: true,
  lastName: true,
  isActive: true,
  isStaff: true,
  isSuperuser: true,
  lastLogin: true,
  dateJoined: true,
  password: true,
  securityStamp: true,
  groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: "asc" } } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toView(row: UserRow): AdminUserView {
  const { password, groups, ...rest } = row;
  return { ...rest, passwordUsable: isUsablePassword(password), groups: groups.map((membership) => membership.group) };
}

function whereFor(query: UserListQuery): Prisma.UserWhereInput {
  const q = query.q?.trim();
  return {
    ...(query.isStaff === undefined ? {} : { isStaff: query.isStaff }),
    ...(query.isSuperuser === undefined ? {} : { isSuperuser: query.isSuperuser }),
    ...(query.isActive === undefined ? {} : { isActive: query.isActive }),
    ...(q
      ? {
          OR: (["username", "email", "firstName", "lastName"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })),
        }
      : {}),
  };
}

// Users who never logged in sort last either way, as "never" is not a time.
function orderFor(orderBy: UserListQuery["orderBy"]): Prisma.UserOrderByWithRelationInput {
  if (orderBy.field === "lastLogin") return { lastLogin: { sort: orderBy.direction, nulls: "last" } };
  return { [orderBy.field]: orderBy.direction };
}

const uniqueIds = (input: UserAdminInput) => [...new Set(input.groups.map((row) => row.groupId))];

export function createUsersAdminService(deps: { db: Db }) {
  const { db } = deps;

  async function loadUser(client: Db | Tx, id: number): Promise<AdminUserView | null> {
    const row = await client.user.findUnique({ where: { id }, select: userSelect });
    return row ? toView(row) : null;
  }

  /** One page of users matching the query, with the total count. */
  async function listUsers(query: UserListQuery): Promise<{ items: AdminUserView[]; total: number }> {
    const where = whereFor(query);
    const [rows, total] = await Promise.all([
      db.user.findMany({ where, select: userSelect, orderBy: [orderFor(query.orderBy), { id: "asc" }], skip: query.offset, take: query.limit }),
      db.user.count({ where }),
    ]);
    return { items: rows.map(toView), total };
  }

  /** The user with this id, or null. */
  async function getUser(options: { id: number }): Promise<AdminUserView | null> {
    return loadUser(db, options.id);
  }

  async function checkInput(tx: Tx, actor: CurrentUser, before: AdminUserView | null, input: UserAdminInput): Promise<number[]> {
    const groupIds = uniqueIds(input);
    const groups = await tx.group.findMany({
      where: { id: { in: groupIds } },
      select: { id: true, permissions: { select: { permission: { select: { appLabel: true, codename: true } } } } },
    });
    if (groups.length !== groupIds.length) throw new AppError("VALIDATION", "A chosen group no longer exists.", { fields: { groups: ["A chosen group no longer exists."] } });
    const groupPermissions = new Map(groups.map((group) => [group.id, group.permissions.map(({ permission }) => `${permission.appLabel}.${permission.codename}`)]));
    const state = (user: AdminUserView) => ({ id: user.id, isStaff: user.isStaff, isSuperuser: user.isSuperuser, groupIds: user.groups.map((group) => group.id) });
    assertUserChangeAllowed(
      actor,
      before && state(before),
      { id: before?.id ?? null, isStaff: input.isStaff || input.isSuperuser, isSuperuser: input.isSuperuser, groupIds },
      groupPermissions,
    );
    const twins = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM users WHERE lower(username) = lower(${input.username}) AND id <> ${before?.id ?? 0} LIMIT 1`;
    if (twins.length > 0) throw new AppError("CONFLICT", "That username is already taken.", { fields: { username: ["That username is already taken."] } });
    return groupIds;
  }

  function privilegesChanged(before: AdminUserView, input: UserAdminInput, groupIds: number[]): boolean {
    const previous = before.groups
      .map((group) => group.id)
      .sort()
      .join();
    return (
      input.password !== undefined ||
      before.isActive !== input.isActive ||
      before.isStaff !== (input.isStaff || input.isSuperuser) ||
      before.isSuperuser !== input.isSuperuser ||
      previous !== [...groupIds].sort().join()
    );
  }

  async function write(options: { actor: CurrentUser; id: number | null; input: UserAdminInput; onWrite?: WriteHook<AdminUserView> }): Promise<AdminUserView> {
    const input = UserAdminInputSchema.parse(options.input);
    const password = input.password !== undefined ? await hashPassword(input.password) : options.id === null ? unusablePassword() : undefined;
    try {
      return await db.$transaction(async (tx) => {
        const before = options.id === null ? null : await loadUser(tx, options.id);
        if (options.id !== null && !before) throw new AppError("NOT_FOUND", `There is no user ${options.id}.`);
        const groupIds = await checkInput(tx, options.actor, before, input);
        const data = {
          username: input.username,
          email: input.email?.toLowerCase() ?? "",
          firstName: input.firstName ?? "",
          lastName: input.lastName ?? "",
          isActive: input.isActive,
          isStaff: input.isStaff || input.isSuperuser,
          isSuperuser: input.isSuperuser,
        };
        const { id } = before
          ? await tx.user.update({
              where: { id: before.id },
              data: { ...data, ...(password === undefined ? {} : { password }), ...(privilegesChanged(before, input, groupIds) ? { securityStamp: { increment: 1 } } : {}) },
              select: { id: true },
            })
          : await tx.user.create({ data: { ...data, password: password! }, select: { id: true } });
        await tx.userGroup.deleteMany({ where: { userId: id, groupId: { notIn: groupIds } } });
        await tx.userGroup.createMany({ data: groupIds.map((groupId) => ({ userId: id, groupId })), skipDuplicates: true });
        const after = (await loadUser(tx, id))!;
        await options.onWrite?.(tx, { before, after });
        return after;
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Creates an account from the admin form; a non-superuser cannot create staff or superusers. */
  async function createUser(options: { actor: CurrentUser; input: UserAdminInput; onWrite?: WriteHook<AdminUserView> }): Promise<AdminUserView> {
    return write({ ...options, id: null });
  }

  /** Updates an account; privilege or password changes end the user's sessions. */
  async function updateUser(options: { actor: CurrentUser; id: number; input: UserAdminInput; onWrite?: WriteHook<AdminUserView> }): Promise<AdminUserView> {
    return write(options);
  }

  /** Deletes an account and everything that cascades from it; NOT_FOUND when it is gone. */
  async function deleteUser(options: { actor: CurrentUser; id: number; onWrite?: WriteHook<AdminUserView> }): Promise<void> {
    try {
      await db.$transaction(async (tx) => {
        const before = await loadUser(tx, options.id);
        if (!before) throw new AppError("NOT_FOUND", `There is no user ${options.id}.`);
        assertUserDeleteAllowed(options.actor, before);
        await tx.user.delete({ where: { id: options.id } });
        await options.onWrite?.(tx, { before, after: null });
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  return { listUsers, getUser, createUser, updateUser, deleteUser };
}

export type UsersAdminService = ReturnType<typeof createUsersAdminService>;
