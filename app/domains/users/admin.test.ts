import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, auditRows, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();
let root: SignedIn;
beforeEach(async () => {
  await syncAdminPermissions(ctx);
  root = await signInAs(ctx, { isSuperuser: true, username: "root" });
});

const post = (path: string, fields: Record<string, string | string[]>, who: SignedIn = root) => ctx.app.request(path, adminPost(ctx, who.cookie, fields));
const get = (path: string, who: SignedIn = root) => ctx.app.request(path, { headers: { cookie: who.cookie } });

async function group(name: string, permissions: string[] = []) {
  const ids = await ctx.deps.db.permission.findMany({ where: { OR: permissions.map((p) => ({ appLabel: p.split(".")[0]!, codename: p.split(".")[1]! })) }, select: { id: true } });
  return ctx.deps.db.group.create({ data: { name, permissions: { create: ids.map(({ id }) => ({ permissionId: id })) } } });
}

const userFields = (overrides: Record<string, string | string[]> = {}) => ({
  username: "guido",
  email: "Guido@Example.org",
  firstName: "Guido",
  lastName: "van Rossum",
  isActive: "on",
  ...overrides,
});

describe("users admin", () => {
  it("lists users with filters and search", async () => {
    await ctx.deps.db.user.createMany({
      data: [
        { username: "barry", email: "barry@example.org", password: "!", isStaff: true },
        { username: "brett", email: "brett@example.org", password: "!", isActive: false },
      ],
    });
    const staff = await (await get("/admin/users/user/?staff=1")).text();
    expect(staff).toContain("barry");
    expect(staff).toContain("root");
    expect(staff).not.toContain(">brett<");
    const inactive = await (await get("/admin/users/user/?active=0&q=BRE")).text();
    expect(inactive).toContain("1 user matching");
    expect(inactive).toContain("brett");
    const superusers = await (await get("/admin/users/user/?superuser=1&o=-lastLogin")).text();
    expect(superusers).toContain("1 user.");
  });

  it("creates a user with a hashed password and group memberships from the inline rows", async () => {
    const editors = await group("Editors");
    const jobs = await group("Job Board Admin");
    const response = await post("/admin/users/user/add/", {
      ...userFields({ password: "correct horse battery" }),
      "groups-TOTAL": "3",
      "groups-0-groupId": String(editors.id),
      "groups-1-groupId": String(jobs.id),
      "groups-2-groupId": "",
    });
    expect(response.status).toBe(303);
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "guido" }, include: { groups: { include: { group: true } } } });
    expect(user.password).toMatch(/^\$argon2id\$/);
    expect(user.email).toBe("guido@example.org");
    expect(user.groups.map((membership) => membership.group.name).sort()).toEqual(["Editors", "Job Board Admin"]);
    const login = await ctx.services.users.authenticate({ login: "guido", password: "correct horse battery" });
    expect(login.ok).toBe(true);
    const [entry] = await auditRows(ctx, "users.user");
    expect(entry!.after).toMatchObject({ username: "guido", groups: ["Editors", "Job Board Admin"], passwordUsable: true });
    expect(JSON.stringify(entry!.after)).not.toContain("argon2");
  });

  it("removes a membership with the inline delete checkbox and shows existing rows plus blank ones", async () => {
    const editors = await group("Editors");
    const member = await signInAs(ctx, { isStaff: false, groups: ["Editors", "PSF Staff"] });
    const form = await (await get(`/admin/users/user/${member.id}/change/`)).text();
    expect(form).toContain('name="groups-TOTAL" value="5"');
    expect(form).toContain('name="groups-0-DELETE"');
    const psf = await ctx.deps.db.group.findUniqueOrThrow({ where: { name: "PSF Staff" } });
    const response = await post(`/admin/users/user/${member.id}/change/`, {
      ...userFields({ username: member.username }),
      "groups-TOTAL": "2",
      "groups-0-groupId": String(editors.id),
      "groups-0-DELETE": "on",
      "groups-1-groupId": String(psf.id),
    });
    expect(response.status).toBe(303);
    const groups = await ctx.deps.db.userGroup.findMany({ where: { userId: member.id } });
    expect(groups.map((row) => row.groupId)).toEqual([psf.id]);
    expect((await auditRows(ctx, "users.user")).at(-1)).toMatchObject({ action: "update", before: { groups: ["Editors", "PSF Staff"] }, after: { groups: ["PSF Staff"] } });
  });

  it("reports a bad inline row next to that row", async () => {
    const response = await post("/admin/users/user/add/", { ...userFields(), "groups-TOTAL": "2", "groups-0-groupId": "", "groups-1-groupId": "999" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="id_groups-1-groupId-error"');
    expect(html).toContain("Select a valid choice.");
    expect((await post("/admin/users/user/add/", { ...userFields(), "groups-TOTAL": "99999" })).status).toBe(422);
  });

  it("ends the user's sessions when an admin changes their password", async () => {
    const member = await signInAs(ctx, { isStaff: false });
    expect((await get("/admin/", member)).status).toBe(302);
    const before = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: member.id } });
    const response = await post(`/admin/users/user/${member.id}/change/`, { ...userFields({ username: member.username, password: "a brand new password" }), "groups-TOTAL": "0" });
    expect(response.status).toBe(303);
    const after = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.password).not.toBe(before.password);
    expect(after.securityStamp).toBe(before.securityStamp + 1);
    // The old session no longer identifies anyone: the admin now asks to sign in.
    expect((await get("/admin/", member)).status).toBe(302);
  });
});

describe("privilege escalation", () => {
  let staff: SignedIn;
  beforeEach(async () => {
    staff = await signInAs(ctx, {
      permissions: ["users.view_user", "users.add_user", "users.change_user", "users.delete_user", "auth.change_group", "auth.view_group"],
      username: "helper",
    });
  });

  it("refuses a staff user making themselves superuser or changing their own groups", async () => {
    const admins = await group("Admins", ["boxes.delete_box"]);
    const form = await (await get(`/admin/users/user/${staff.id}/change/`, staff)).text();
    expect(form).toMatch(/id="id_isSuperuser" name="isSuperuser"[^>]* disabled/);
    const escalate = await post(
      `/admin/users/user/${staff.id}/change/`,
      { ...userFields({ username: staff.username }), isStaff: "on", isSuperuser: "on", "groups-TOTAL": "0" },
      staff,
    );
    expect(escalate.status).toBe(403);
    const joinGroup = await post(
      `/admin/users/user/${staff.id}/change/`,
      { ...userFields({ username: staff.username }), isStaff: "on", "groups-TOTAL": "1", "groups-0-groupId": String(admins.id) },
      staff,
    );
    expect(joinGroup.status).toBe(403);
    const me = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: staff.id }, include: { groups: true } });
    expect(me).toMatchObject({ isSuperuser: false, isStaff: true, groups: [] });
  });

  it("lets the staff user edit others, but not grant staff status or groups with permissions they lack", async () => {
    const member = await signInAs(ctx, { isStaff: false, username: "member" });
    const strong = await group("Strong", ["boxes.delete_box"]);
    const ok = await post(`/admin/users/user/${member.id}/change/`, { ...userFields({ username: "member", firstName: "Renamed" }), "groups-TOTAL": "0" }, staff);
    expect(ok.status).toBe(303);
    const grantStaff = await post(`/admin/users/user/${member.id}/change/`, { ...userFields({ username: "member" }), isStaff: "on", "groups-TOTAL": "0" }, staff);
    expect(grantStaff.status).toBe(403);
    const grantGroup = await post(
      `/admin/users/user/${member.id}/change/`,
      { ...userFields({ username: "member" }), "groups-TOTAL": "1", "groups-0-groupId": String(strong.id) },
      staff,
    );
    expect(grantGroup.status).toBe(403);
    const created = await post("/admin/users/user/add/", { ...userFields({ username: "newstaff" }), isStaff: "on", "groups-TOTAL": "0" }, staff);
    expect(created.status).toBe(403);
    expect(await ctx.deps.db.user.count({ where: { username: "newstaff" } })).toBe(0);
    expect(await ctx.deps.db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ firstName: "Renamed", isStaff: false });
  });

  it("keeps a staff user away from superuser accounts and from deleting themselves", async () => {
    expect((await post(`/admin/users/user/${root.id}/change/`, { ...userFields({ username: "root", password: "taken over!!" }), "groups-TOTAL": "0" }, staff)).status).toBe(403);
    expect((await post(`/admin/users/user/${root.id}/delete/`, {}, staff)).status).toBe(403);
    expect((await post(`/admin/users/user/${staff.id}/delete/`, {}, staff)).status).toBe(403);
    expect(await ctx.deps.db.user.count()).toBe(2);
  });

  it("refuses granting group permissions the staff user does not hold", async () => {
    const editors = await group("Editors");
    const deleteBox = await ctx.deps.db.permission.findFirstOrThrow({ where: { appLabel: "boxes", codename: "delete_box" } });
    const viewGroup = await ctx.deps.db.permission.findFirstOrThrow({ where: { appLabel: "auth", codename: "view_group" } });
    const refused = await post(`/admin/auth/group/${editors.id}/change/`, { name: "Editors", permissions: [String(deleteBox.id)] }, staff);
    expect(refused.status).toBe(403);
    const allowed = await post(`/admin/auth/group/${editors.id}/change/`, { name: "Editors", permissions: [String(viewGroup.id)] }, staff);
    expect(allowed.status).toBe(303);
  });
});

describe("groups admin", () => {
  it("edits permissions as a checkbox list and audits them by name", async () => {
    const editors = await group("Editors", ["boxes.view_box"]);
    const form = await (await get(`/admin/auth/group/${editors.id}/change/`)).text();
    expect(form).toContain("boxes | box | Can change box");
    expect(form).toMatch(/value="\d+" checked>\s*<label for="id_permissions_\d+">boxes \| box \| Can view box/);
    const change = await ctx.deps.db.permission.findFirstOrThrow({ where: { appLabel: "boxes", codename: "change_box" } });
    const view = await ctx.deps.db.permission.findFirstOrThrow({ where: { appLabel: "boxes", codename: "view_box" } });
    const response = await post(`/admin/auth/group/${editors.id}/change/`, { name: "Box editors", permissions: [String(view.id), String(change.id)] });
    expect(response.status).toBe(303);
    expect((await auditRows(ctx, "auth.group")).at(-1)).toMatchObject({
      before: { name: "Editors", permissions: ["boxes.view_box"] },
      after: { name: "Box editors", permissions: ["boxes.change_box", "boxes.view_box"] },
    });
    const forged = await post(`/admin/auth/group/${editors.id}/change/`, { name: "Box editors", permissions: ["abc", "99999999999"] });
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain("Select valid choices.");
  });

  it("refuses a duplicate group name regardless of case", async () => {
    await group("Editors");
    const response = await post("/admin/auth/group/add/", { name: "EDITORS" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("A group with this name already exists.");
  });
});
