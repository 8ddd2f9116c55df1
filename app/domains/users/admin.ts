// The accounts admin: users (with their group memberships as inline rows and a "set
// password" field) and groups (with their permissions as a checkbox list). Privilege
// rules live in admin-policy.ts; the form only mirrors them by locking fields.
import { defineAdminResource } from "../../core/admin/index.ts";
import type { Db } from "../../core/db/client.ts";
import type { CurrentUser } from "../../core/http/env.ts";
import { createGroupsAdminService, type GroupsAdminService, type AdminGroupView } from "./admin/groups-service.ts";
import { type GroupAdminInput, GroupAdminInputSchema, USER_SORT_FIELDS, type UserAdminInput, UserAdminInputSchema, type UserSortField } from "./admin/schemas.ts";
import { type AdminUserView, createUsersAdminService, type UsersAdminService } from "./admin/service.ts";

const YES_NO = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No" },
];

const flag = (value: string | undefined) => (value === undefined ? undefined : value === "1");
const userSortField = (field: string): UserSortField => ((USER_SORT_FIELDS as readonly string[]).includes(field) ? (field as UserSortField) : "username");

const USER_FIELDS = ["username", "email", "firstName", "lastName", "password", "isActive", "isStaff", "isSuperuser", "groups"];

/** What a non-superuser may not touch on this account (everything, on a superuser's). */
function lockedUserFields(user: CurrentUser, row: AdminUserView | null): string[] {
  if (user.isSuperuser) return [];
  if (row?.isSuperuser) return USER_FIELDS;
  return ["isStaff", "isSuperuser", ...(row?.id === user.id ? ["groups"] : [])];
}

/** The admin registration of user accounts. */
export function usersAdmin(users: UsersAdminService, groups: GroupsAdminService) {
  return defineAdminResource<AdminUserView, UserAdminInput>({
    appLabel: "users",
    model: "user",
    verboseName: "user",
    verboseNamePlural: "users",
    listColumns: [
      { name: "username", label: "Username", value: (u) => u.username, sortable: true },
      { name: "email", label: "Email address", value: (u) => u.email, sortable: true },
      { name: "firstName", label: "First name", value: (u) => u.firstName, sortable: true },
      { name: "lastName", label: "Last name", value: (u) => u.lastName, sortable: true },
      { name: "isStaff", label: "Staff", value: (u) => u.isStaff, sortable: true },
      { name: "isActive", label: "Active", value: (u) => u.isActive, sortable: true },
      { name: "lastLogin", label: "Last login", value: (u) => u.lastLogin, sortable: true },
    ],
    searchFields: ["username", "email", "first name", "last name"],
    filters: [
      { name: "staff", label: "Staff status", choices: YES_NO },
      { name: "superuser", label: "Superuser status", choices: YES_NO },
      { name: "active", label: "Active", choices: YES_NO },
    ],
    defaultOrdering: "username",
    perPage: 50,
    form: {
      schema: UserAdminInputSchema,
      fields: [
        {
          name: "username",
          label: "Username",
          widget: "text",
          required: true,
          maxLength: 150,
          autocomplete: "off",
          help: "150 characters or fewer: letters, digits and @ . + - _ only.",
        },
        { name: "email", label: "Email address", widget: "email", maxLength: 254, autocomplete: "off" },
        { name: "firstName", label: "First name", widget: "text", maxLength: 150, autocomplete: "off" },
        { name: "lastName", label: "Last name", widget: "text", maxLength: 150, autocomplete: "off" },
        {
          name: "password",
          label: "Set password",
          widget: "password",
          autocomplete: "new-password",
          help: "Leave blank to keep the current password. A new account without one cannot sign in until a password is set.",
        },
        { name: "isActive", label: "Active", widget: "checkbox", help: "Untick instead of deleting the account." },
        { name: "isStaff", label: "Staff status", widget: "checkbox", help: "May sign in to this admin. Only superusers can change it." },
        { name: "isSuperuser", label: "Superuser status", widget: "checkbox", help: "Has every permission. Only superusers can change it." },
      ],
    },
    inlines: [{ name: "groups", label: "Group memberships", itemLabel: "Membership", fields: [{ name: "groupId", label: "Group", widget: "select" }], extra: 3, max: 200 }],
    initialValues: { isActive: true, isStaff: false, isSuperuser: false, groups: [] },
    loadChoices: async () => ({ groupId: await groups.groupChoices() }),
    lockedFields: ({ user, row }) => lockedUserFields(user, row),
    async list({ query }) {
      const { items, total } = await users.listUsers({
        q: query.search,
        isStaff: flag(query.filters.staff),
        isSuperuser: flag(query.filters.superuser),
        isActive: flag(query.filters.active),
        orderBy: { field: userSortField(query.ordering.field), direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => users.getUser({ id }),
    create: ({ user, input, onWrite }) => users.createUser({ actor: user, input, onWrite }),
    update: ({ user, id, input, onWrite }) => users.updateUser({ actor: user, id, input, onWrite }),
    delete: ({ user, id, onWrite }) => users.deleteUser({ actor: user, id, onWrite }),
    toFormValues: (u) => ({
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      password: "",
      isActive: u.isActive,
      isStaff: u.isStaff,
      isSuperuser: u.isSuperuser,
      groups: u.groups.map((group) => ({ groupId: String(group.id) })),
    }),
    idOf: (u) => u.id,
    toRepr: (u) => u.username,
    // The password hash never enters the log; a password change shows as a new security stamp.
    toAuditSnapshot: (u) => ({
      username: u.username,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      isActive: u.isActive,
      isStaff: u.isStaff,
      isSuperuser: u.isSuperuser,
      passwordUsable: u.passwordUsable,
      securityStamp: u.securityStamp,
      groups: u.groups.map((group) => group.name),
    }),
  });
}

/** The admin registration of groups and their permissions. */
export function groupsAdmin(groups: GroupsAdminService) {
  return defineAdminResource<AdminGroupView, GroupAdminInput>({
    appLabel: "auth",
    model: "group",
    verboseName: "group",
    verboseNamePlural: "groups",
    listColumns: [
      { name: "name", label: "Name", value: (g) => g.name, sortable: true },
      { name: "permissions", label: "Permissions", value: (g) => g.permissions.length },
      { name: "members", label: "Members", value: (g) => g.memberCount },
    ],
    searchFields: ["name"],
    filters: [],
    defaultOrdering: "name",
    perPage: 50,
    form: {
      schema: GroupAdminInputSchema,
      fields: [
        { name: "name", label: "Name", widget: "text", required: true, maxLength: 150 },
        { name: "permissions", label: "Permissions", widget: "checkboxes", help: "Members hold every permission ticked here." },
      ],
    },
    initialValues: { permissions: [] },
    loadChoices: async () => ({ permissions: await groups.permissionChoices() }),
    async list({ query }) {
      const { items, total } = await groups.listGroups({
        q: query.search,
        orderBy: { field: "name", direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => groups.getGroup({ id }),
    create: ({ user, input, onWrite }) => groups.createGroup({ actor: user, input, onWrite }),
    update: ({ user, id, input, onWrite }) => groups.updateGroup({ actor: user, id, input, onWrite }),
    delete: ({ user, id, onWrite }) => groups.deleteGroup({ actor: user, id, onWrite }),
    toFormValues: (g) => ({ name: g.name, permissions: g.permissions.map((permission) => String(permission.id)) }),
    idOf: (g) => g.id,
    toRepr: (g) => g.name,
    toAuditSnapshot: (g) => ({ name: g.name, permissions: g.permissions.map((permission) => permission.name) }),
  });
}

/** Both account registrations (users, groups) with their admin services. */
export function accountsAdmin(deps: { db: Db }) {
  const groups = createGroupsAdminService(deps);
  return [usersAdmin(createUsersAdminService(deps), groups), groupsAdmin(groups)] as const;
}
