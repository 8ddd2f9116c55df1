// The outbox in the editors' admin: staff with `mail.view_maildelivery` list and read
// deliveries; nobody changes them; `change` permission may re-queue failed ones.
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, followRedirect, signInAs, syncAdminPermissions } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { pendingMailJobs, readOutbox } from "../../testing/mail.ts";

const ctx = useTestContext();
const LIST = "/admin/mail/maildelivery/";

beforeEach(async () => {
  await syncAdminPermissions(ctx);
});

const get = (url: string, cookie: string) => ctx.app.request(url, { headers: { cookie } });

async function sendTwo() {
  const ada = await ctx.deps.mailer.send({ to: "ada@example.org", template: "mail-check", context: { note: "for Ada" } });
  const bob = await ctx.deps.mailer.send({ to: "bob@example.org", template: "mail-check", context: { note: "for Bob" } });
  await ctx.drainJobs();
  return { ada, bob };
}

describe("mail outbox admin", () => {
  it("lists deliveries, searches by recipient and shows the text body to view-only staff", async () => {
    const { ada, bob } = await sendTwo();
    const viewer = await signInAs(ctx, { permissions: ["mail.view_maildelivery"] });

    const list = await get(LIST, viewer.cookie);
    expect(list.status).toBe(200);
    const page = await list.text();
    expect(page).toContain("ada@example.org");
    expect(page).toContain("bob@example.org");
    expect(page).toContain("Mail check from http://testserver: for Ada");
    expect(page).toContain("mail-check");
    expect(page).toContain("sent");
    expect(page).not.toContain("Add mail delivery");
    expect(page).not.toContain('name="action"');

    const search = await (await get(`${LIST}?q=ADA%40example`, viewer.cookie)).text();
    expect(search).toContain("ada@example.org");
    expect(search).not.toContain("bob@example.org");
    const failedOnly = await (await get(`${LIST}?status=failed`, viewer.cookie)).text();
    expect(failedOnly).not.toContain("ada@example.org");

    const detail = await get(`${LIST}${ada.id}/change/`, viewer.cookie);
    expect(detail.status).toBe(200);
    const body = await detail.text();
    expect(body).toContain("View mail delivery");
    expect(body).toContain("This message checks that http://testserver can send mail.");
    expect(body).toContain(ada.messageId.replace("<", "&lt;").replace(">", "&gt;"));
    expect(body).not.toContain("for Bob");
    expect((await get(`${LIST}${bob.id + 100}/change/`, viewer.cookie)).status).toBe(404);
  });

  it("is closed to staff without the permission and refuses changes to everyone", async () => {
    const { ada } = await sendTwo();
    const stranger = await signInAs(ctx, { permissions: ["boxes.view_box"] });
    expect((await get(LIST, stranger.cookie)).status).toBe(403);
    expect((await get(`${LIST}${ada.id}/change/`, stranger.cookie)).status).toBe(403);

    const root = await signInAs(ctx, { isSuperuser: true });
    const change = await ctx.app.request(`${LIST}${ada.id}/change/`, adminPost(ctx, root.cookie, { subject: "forged" }));
    expect(change.status).toBe(403);
    const remove = await ctx.app.request(`${LIST}${ada.id}/delete/`, adminPost(ctx, root.cookie, {}));
    expect(remove.status).toBe(403);
    expect(await readOutbox(ctx.deps.db)).toMatchObject([{ subject: "Mail check from http://testserver: for Ada" }, {}]);
  });

  it("re-queues failed deliveries for staff who may change them, and only those", async () => {
    const { ada, bob } = await sendTwo();
    await ctx.deps.db.mailDelivery.update({ where: { id: ada.id }, data: { status: "failed", lastError: "550 gone" } });
    const viewer = await signInAs(ctx, { permissions: ["mail.view_maildelivery"] });
    const denied = await ctx.app.request(`${LIST}action/`, adminPost(ctx, viewer.cookie, { action: "retry", ids: [String(ada.id)], confirm: "yes" }));
    expect(denied.status).toBe(303);
    expect(await readOutbox(ctx.deps.db)).toMatchObject([{ status: "failed" }, { status: "sent" }]);

    const operator = await signInAs(ctx, { permissions: ["mail.change_maildelivery"] });
    const listed = await (await get(LIST, operator.cookie)).text();
    expect(listed).toContain("Retry selected failed deliveries");
    const done = await ctx.app.request(`${LIST}action/`, adminPost(ctx, operator.cookie, { action: "retry", ids: [String(ada.id), String(bob.id)], confirm: "yes" }));
    expect(done.status).toBe(303);
    expect(await (await followRedirect(ctx, operator.cookie, done)).text()).toContain("done for 1 mail delivery");
    expect(await pendingMailJobs(ctx.deps.db)).toMatchObject([{ payload: { deliveryId: ada.id } }]);

    await ctx.drainJobs();
    expect(await readOutbox(ctx.deps.db)).toMatchObject([
      { id: ada.id, status: "sent", attempts: 2, lastError: "550 gone" },
      { id: bob.id, status: "sent", attempts: 1 },
    ]);
    const audit = await ctx.deps.db.auditLogEntry.findMany({ where: { model: "mail.maildelivery" } });
    expect(audit).toMatchObject([{ action: "retry", actorId: operator.id, objectId: String(ada.id), before: { status: "failed" }, after: { status: "queued" } }]);
  });
});
