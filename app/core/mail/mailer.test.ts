// The outbox path through the real app: send → a delivery row and a job in one
// transaction → drain the real task → the row shows "sent" and the outbox holds it.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { useTestContext } from "../../testing/deps.ts";
import { lastMessageTo, pendingMailJobs, readOutbox } from "../../testing/mail.ts";

const ctx = useTestContext();

describe("mailer, outbox transport", () => {
  it("records the rendered message and a job, then the job marks it sent", async () => {
    const queued = await ctx.deps.mailer.send({
      to: ["ada@example.org", "bob@example.org"],
      cc: ["psf@example.org"],
      replyTo: "jobs@example.org",
      template: "mail-check",
      context: { note: "R&D <now>" },
    });
    expect(queued.subject).toBe("Mail check from http://testserver: R&D <now>");
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@python\.org>$/);
    expect(await pendingMailJobs(ctx.deps.db)).toMatchObject([{ payload: { deliveryId: queued.id }, key: `mail:${queued.id}`, attempts: 0, max_attempts: 10 }]);
    expect((await readOutbox(ctx.deps.db))[0]).toMatchObject({ status: "queued", attempts: 0, sentAt: null });

    await ctx.drainJobs();

    const [delivery, ...others] = await readOutbox(ctx.deps.db);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({
      id: queued.id,
      to: "ada@example.org, bob@example.org",
      cc: "psf@example.org",
      replyTo: "jobs@example.org",
      from: "noreply@python.org",
      template: "mail-check",
      subject: queued.subject,
      status: "sent",
      transport: "outbox",
      attempts: 1,
      lastError: "",
    });
    expect(delivery!.sentAt).toBeInstanceOf(Date);
    expect(delivery!.textBody).toContain("Note: R&D <now>");
    expect(delivery!.htmlBody).toContain("Note: R&amp;D &lt;now&gt;");
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
    expect((await lastMessageTo(ctx.deps.db, "PSF@example.org"))?.id).toBe(queued.id);
    expect(await lastMessageTo(ctx.deps.db, "nobody@example.org")).toBeUndefined();
  });

  it("never sends a delivery twice", async () => {
    const queued = await ctx.deps.mailer.send({ to: "ada@example.org", template: "mail-check" });
    await ctx.drainJobs();
    await ctx.deps.mailer.deliverMessage({ deliveryId: queued.id, attempt: 1 });
    expect(await readOutbox(ctx.deps.db)).toMatchObject([{ status: "sent", attempts: 1 }]);
  });

  it("keeps neither the row nor the job when the caller's transaction rolls back", async () => {
    await expect(
      ctx.deps.db.$transaction(async (tx) => {
        await ctx.deps.mailer.sendWith(tx, { to: "ada@example.org", template: "mail-check" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await readOutbox(ctx.deps.db)).toEqual([]);
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
  });

  it("refuses bad addresses with field errors and unknown templates before writing anything", async () => {
    const refusal = await ctx.deps.mailer.send({ to: "ada@example.org\r\nBcc: eve@example.org", template: "mail-check" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "VALIDATION", fields: { to: expect.any(Array) } });
    await expect(ctx.deps.mailer.send({ to: "ada@example.org", template: "../secrets" })).rejects.toMatchObject({ code: "VALIDATION", fields: { template: expect.any(Array) } });
    await expect(ctx.deps.mailer.send({ to: "ada@example.org", template: "no-such-message" })).rejects.toThrow("mail/no-such-message.subject.njk is missing");
    expect(await readOutbox(ctx.deps.db)).toEqual([]);
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
  });

  it("drops a job whose delivery is gone and one with a malformed payload", async () => {
    const queued = await ctx.deps.mailer.send({ to: "ada@example.org", template: "mail-check" });
    await ctx.deps.db.mailDelivery.delete({ where: { id: queued.id } });
    await ctx.deps.jobs.add("mail.send-message", { deliveryId: "1; DROP TABLE" });
    await ctx.drainJobs();
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
  });
});
