// Admin-only reads and writes of groups (roles such as "Job Board Admin") and their
// permissions. Writes run in one transaction together with the caller's WriteHook.
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { Tx, WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { CurrentUser } from "../../../core/http/env.ts";
import { assertGroupChangeAllowed } from "./policy.ts";
import { type AdminPageQuery, type GroupAdminInput, GroupAdminInputSchema } from "./schemas.ts";

export interface AdminGroupView {
  id: number;
  name: string;
  /** `<appLabel>.<codename>` with the row id, ordered by app, model, codename. */
  permissions: Array<{ id: number; name: string; label: string }>;
  memberCount: number;
}

const groupSelect = {
  id: true,
  name: true,
  permissions: { select: { permission: { select: { id: true, appLabel: true, model: true, codename: true, name: true } } } },
  _count: { select: { users: true } },
} as const satisfies Prisma.GroupSelect;

type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;
type PermissionRow = { id: number; appLabel: string; model: string; codename: string; name: string };

const permissionKey = (p: PermissionRow) => `${p.appLabel}.${p.codename}`;
const permissionLabel = (p: PermissionRow) => `${p.appLabel} | ${p.model} | ${p.name}`;
const byPermission = (a: PermissionRow, b: PermissionRow) => `${a.appLabel}.${a.model}.${a.codename}`.localeCompare(`${b.appLabel}.${b.model}.${b.codename}`);

function toView(row: GroupRow): AdminGroupView {
  const permissions = row.permissions.map(({ permission }) => permission).sort(byPermission);
  return {
    id: row.id,
    name: row.name,
    permissions: permissions.map((permission) => ({ id: permission.id, name: permissionKey(permission), label: permissionLabel(permission) })),
    memberCount: row._count.users,
  };
}

export function createGroupsAdminService(deps: { db: Db }) {
  const { db } = deps;

  async function loadGroup(client: Db | Tx, id: number): Promise<AdminGroupView | null> {
    const row = await client.group.findUnique({ where: { id }, select: groupSelect });
    return row ? toView(row) : null;
  }

  /** One page of groups whose name contains `q`, with the total count. */
  async function listGroups(query: AdminPageQuery<"name">): Promise<{ items: AdminGroupView[]; total: number }> {
    const q = query.q?.trim();
    const where: Prisma.GroupWhereInput = q ? { name: { contains: q, mode: "insensitive" } } : {};
    const [rows, total] = await Promise.all([
      db.group.findMany({ where, select: groupSelect, orderBy: [{ name: query.orderBy.direction }, { id: "asc" }], skip: query.offset, take: query.limit }),
      db.group.count({ where }),
    ]);
    return { items: rows.map(toView), total };
  }

  /** The group with this id, or null. */
  async function getGroup(options: { id: number }): Promise<AdminGroupView | null> {
    return loadGroup(db, options.id);
  }

  /** Every group, by name, for membership choices. */
  async function groupChoices(): Promise<Array<{ value: string; label: string }>> {
    const rows = await db.group.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    return rows.map((row) => ({ value: String(row.id), label: row.name }));
  }

  /** Every permission, by app and model, for the group form's checkbox list. */
  async function permissionChoices(): Promise<Array<{ value: string; label: string }>> {
    const rows = await db.permission.findMany({ select: { id: true, appLabel: true, model: true, codename: true, name: true } });
    return rows.sort(byPermission).map((row) => ({ value: String(row.id), label: permissionLabel(row) }));
  }

  async function permissionNames(tx: Tx, ids: number[]): Promise<string[]> {
    const rows = await tx.permission.findMany({ where: { id: { in: ids } }, select: { id: true, appLabel: true, model: true, codename: true, name: true } });
    if (rows.length !== ids.length)
      throw new AppError("VALIDATION", "A chosen permission no longer exists.", { fields: { permissions: ["A chosen permission no longer exists."] } });
    return rows.map(permissionKey);
  }

  async function write(options: { actor: CurrentUser; id: number | null; input: GroupAdminInput; onWrite?: WriteHook<AdminGroupView> }): Promise<AdminGroupView> {
    const input = GroupAdminInputSchema.parse(options.input);
    const permissionIds = [...new Set(input.permissions)];
    try {
      return await db.$transaction(async (tx) => {
        const before = options.id === null ? null : await loadGroup(tx, options.id);
        if (options.id !== null && !before) throw new AppError("NOT_FOUND", `There is no group ${options.id}.`);
        const names = await permissionNames(tx, permissionIds);
        assertGroupChangeAllowed(options.actor, { name: before?.name ?? null, before: before?.permissions.map((p) => p.name) ?? [], after: names });
        const clash = await tx.group.findFirst({ where: { name: { equals: input.name, mode: "insensitive" }, id: { not: before?.id ?? 0 } }, select: { id: true } });
        if (clash) throw new AppError("CONFLICT", "A group with this name already exists.", { fields: { name: ["A group with this name already exists."] } });
        const { id } = before
          ? await tx.group.update({ where: { id: before.id }, data: { name: input.name }, select: { id: true } })
          : await tx.group.create({ data: { name: input.name }, select: { id: true } });
        await tx.groupPermission.deleteMany({ where: { groupId: id, permissionId: { notIn: permissionIds } } });
        await tx.groupPermission.createMany({ data: permissionIds.map((permissionId) => ({ groupId: id, permissionId })), skipDuplicates: true });
        const after = (await loadGroup(tx, id))!;
        await options.onWrite?.(tx, { before, after });
        return after;
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Creates a group with its permissions; names are unique regardless of case. */
  async function createGroup(options: { actor: CurrentUser; input: GroupAdminInput; onWrite?: WriteHook<AdminGroupView> }): Promise<AdminGroupView> {
    return write({ ...options, id: null });
  }

  /** Renames a group and replaces its permissions. */
  async function updateGroup(options: { actor: CurrentUser; id: number; input: GroupAdminInput; onWrite?: WriteHook<AdminGroupView> }): Promise<AdminGroupView> {
    return write(options);
  }

  /** Deletes a group; its members lose its permissions. A non-superuser cannot delete a group they belong to. */
  async function deleteGroup(options: { actor: CurrentUser; id: number; onWrite?: WriteHook<AdminGroupView> }): Promise<void> {
    try {
      await db.$transaction(async (tx) => {
        const before = await loadGroup(tx, options.id);
        if (!before) throw new AppError("NOT_FOUND", `There is no group ${options.id}.`);
        assertGroupChangeAllowed(options.actor, { name: before.name, before: before.permissions.map((p) => p.name), after: [] });
        await tx.group.delete({ where: { id: options.id } });
        await options.onWrite?.(tx, { before, after: null });
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  return { listGroups, getGroup, groupChoices, permissionChoices, createGroup, updateGroup, deleteGroup };
}

export type GroupsAdminService = ReturnType<typeof createGroupsAdminService>;
