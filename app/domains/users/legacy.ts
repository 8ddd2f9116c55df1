// Legacy migrator for accounts: users_user, auth_group, auth_permission and their links
// (python/pythondotorg:apps/users/models.py, django.contrib.auth), then the allauth
// addresses and API credentials (legacy-credentials.ts). Users, groups and addresses
// keep their legacy ids; permissions are matched by (app label, codename).
import type { BatchContext, LegacyRow, MigrationStep, Migrator } from "../../core/legacy/types.ts";
import { syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import { apiKeysStep, authTokensStep, emailAddressesStep } from "./legacy/credentials.ts";
import { groupPermissionsStep, userGroupsStep, userPermissionsStep } from "./legacy/links.ts";

const USER_COLUMNS = [
  "username",
  "password",
  "last_login",
  "is_superuser",
  "first_name",
  "last_name",
  "email",
  "is_staff",
  "is_active",
  "date_joined",
  "bio",
  "bio_markup_type",
  "bio_rendered",
  "search_visibility",
  "email_privacy",
  "public_profile",
];

/** Why a kept hash will not let its user log in, or undefined when it is a hash python.org accepts. */
export function unusableHashNote(hash: string): string | undefined {
  if (hash.startsWith("pbkdf2_sha256$") || hash.startsWith("pbkdf2_sha1$")) return undefined;
  // Django's make_password(None) writes "!" + random: social and imported accounts.
  if (hash.startsWith("!")) return "unusable password (!) kept: cannot log in";
  // MD5PasswordHasher exists in Django but python.org never listed it in PASSWORD_HASHERS.
  if (hash.startsWith("md5$")) return "md5 hash kept but unusable";
  return "password hash of an unknown algorithm kept but unusable";
}

function toUser(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    username: row.username,
    // Carried byte for byte: the accounts login verifies it and rehashes to argon2id.
    password: row.password,
    last_login: row.last_login,
    is_superuser: row.is_superuser,
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    is_staff: row.is_staff,
    is_active: row.is_active,
    date_joined: row.date_joined,
    bio: row.bio,
    bio_markup_type: row.bio_markup_type,
    // Stored escaped by legacy (escape_html=True) and still sanitised on the way out.
    bio_rendered: row._bio_rendered,
    search_visibility: row.search_visibility,
    email_privacy: row.email_privacy,
    public_profile: row.public_profile,
  };
}

/** What logins on the new site changed since migration: argon2id rehashes and newer last_login, by user id. */
async function newSiteActivity(ctx: BatchContext, ids: unknown[]): Promise<Map<number, { password: string; last_login: string | null }>> {
  const { rows } = await ctx.target.query<{ id: number; password: string; last_login: string | null }>(`SELECT id, password, last_login FROM users WHERE id = ANY($1::int[])`, [
    ids,
  ]);
  return new Map(rows.map((row) => [row.id, row]));
}

const isLater = (candidate: unknown, than: unknown) => typeof candidate === "string" && (than === null || Date.parse(candidate) > Date.parse(String(than)));

/** A re-run after go-live must not undo logins on the new site: keep their rehash and last_login. */
function keepNewSiteActivity(user: TargetRow, current: { password: string; last_login: string | null } | undefined, ctx: BatchContext): boolean {
  if (!current) return false;
  if (isLater(current.last_login, user.last_login)) {
    user.last_login = current.last_login;
    ctx.tally.note("last login on the new site is newer → kept");
  }
  if (!current.password.startsWith("$argon2")) return false;
  user.password = current.password;
  ctx.tally.note("password already rehashed to argon2id on the new site → kept");
  return true;
}

async function writeUsers(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const users = rows.map(toUser);
  const activity = await newSiteActivity(
    ctx,
    users.map((user) => user.id),
  );
  for (const user of users) {
    if (keepNewSiteActivity(user, activity.get(user.id as number), ctx)) continue;
    const note = unusableHashNote(String(user.password));
    if (note) ctx.tally.note(note);
  }
  const taken = await takenByOthers(ctx.target, { table: "users", columns: ["username"], key: "id" }, users);
  if (taken.size > 0) ctx.tally.skip("username already used by another account on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "users", key: ["id"], columns: USER_COLUMNS },
    users.filter((user) => !taken.has(user)),
  );
}

async function writeGroups(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const groups = rows.map((row) => ({ id: row.id, name: row.name }));
  const taken = await takenByOthers(ctx.target, { table: "groups", columns: ["name"], key: "id" }, groups);
  if (taken.size > 0) ctx.tally.skip("group name already used by another group on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "groups", key: ["id"], columns: ["name"] },
    groups.filter((group) => !taken.has(group)),
  );
}

async function writePermissions(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const permissions: TargetRow[] = [];
  for (const row of rows) {
    if (row.app_label == null) ctx.tally.skip("content type not found");
    // Two models of one app may share a custom codename; our key is (app label, codename).
    else if (row.shadowed) ctx.tally.skip("codename already used by another model of the app (kept the lowest id)");
    else permissions.push({ app_label: row.app_label, codename: row.codename, model: row.model, name: row.name });
  }
  await syncRows(ctx, { table: "permissions", key: ["app_label", "codename"], columns: ["model", "name"] }, permissions);
}

const groupsStep: MigrationStep = {
  table: "auth_group",
  target: "groups",
  query: `SELECT g.id AS key, g.id, g.name FROM auth_group AS g`,
  sequences: ["groups"],
  write: writeGroups,
};

const permissionsStep: MigrationStep = {
  table: "auth_permission",
  alsoReads: ["django_content_type"],
  target: "permissions",
  query: `
    SELECT p.id AS key, p.codename, p.name, ct.app_label, ct.model,
           EXISTS (SELECT 1 FROM auth_permission AS p2 JOIN django_content_type AS ct2 ON ct2.id = p2.content_type_id
                   WHERE ct2.app_label = ct.app_label AND p2.codename = p.codename AND p2.id < p.id) AS shadowed
    FROM auth_permission AS p LEFT JOIN django_content_type AS ct ON ct.id = p.content_type_id`,
  write: writePermissions,
};

const usersStep: MigrationStep = {
  table: "users_user",
  target: "users",
  query: `SELECT u.id AS key, u.* FROM users_user AS u`,
  sequences: ["users"],
  write: writeUsers,
};

/** Accounts: groups, permissions, users, their links, email addresses, API keys and tokens. */
export const usersLegacyMigrator: Migrator = {
  name: "users",
  dependsOn: [],
  steps: [groupsStep, permissionsStep, usersStep, userGroupsStep, groupPermissionsStep, userPermissionsStep, emailAddressesStep, apiKeysStep, authTokensStep],
};
