// The SMTP path against a real SMTP server on loopback that refuses the first DATA with
// 451 (try again later) and then accepts: the job fails, graphile-worker reschedules it
// with backoff, the next run sends it, and the delivery row tells the whole story.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "../jobs/worker.ts";
import { createLogger } from "../logging/logger.ts";
import { useTestContext } from "../../testing/deps.ts";
import { makeJobsDue, pendingMailJobs, readOutbox } from "../../testing/mail.ts";
import { mailTasks } from "./jobs.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { createSmtpTransport } from "./transports.ts";

const ctx = useTestContext();
const logger = createLogger({ level: "silent" });

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** What the server does with the next DATA commands, in order; then it accepts. */
let refusals: Array<{ code: number; message: string }> = [];
const received: Received[] = [];
let server: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = refusals.shift();
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = createMailer({
    db: ctx.deps.db,
    jobs: ctx.deps.jobs,
    logger,
    config: { MAIL_FROM: "noreply@python.org", SITE_URL: "https://www.python.org" },
    transport: createSmtpTransport(`smtp://127.0.0.1:${port}`),
  });
});

afterAll(async () => {
  await mailer?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  refusals = [];
  received.length = 0;
});

const drain = () => drainJobs({ connectionString: ctx.databaseUrl, tasks: mailTasks(mailer), logger });

/** The decoded text/plain and text/html parts of a raw MIME message (enough for nodemailer's output). */
function parts(raw: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of raw.split(/\r\n--[^\r\n]+\r\n/)) {
    const [head = "", ...rest] = part.split("\r\n\r\n");
    const type = /Content-Type: (text\/(?:plain|html))/i.exec(head)?.[1];
    if (!type) continue;
    let body = rest.join("\r\n\r\n").replace(/\r\n--[^\r\n]+--\r\n?$/, "");
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
      body = Buffer.from(
        body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8");
    }
    found[type.toLowerCase()] = body;
  }
  return found;
}

describe("mailer, SMTP transport", () => {
  it("retries a temporary refusal with backoff, then sends once with the right parts", async () => {
    refusals = [{ code: 451, message: "4.3.0 Mailbox busy, try again later" }];
    const queued = await mailer.send({ to: "ada@example.org", cc: ["bob@example.org"], replyTo: "psf@example.org", template: "mail-check", context: { note: "Tea & <cake>" } });

    await drain();
    expect(received).toEqual([]);
    const [afterFirst] = await readOutbox(ctx.deps.db);
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(afterFirst!.lastError).toContain("451");
    expect(afterFirst!.lastError).toContain("Mailbox busy");
    const [job] = await pendingMailJobs(ctx.deps.db);
    expect(job).toMatchObject({ attempts: 1, max_attempts: 10 });
    // graphile-worker's backoff put the retry in the future; a drain now leaves it alone.
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());
    await drain();
    expect(received).toEqual([]);

    await makeJobsDue(ctx.deps.db);
    await drain();

    const [delivery] = await readOutbox(ctx.deps.db);
    expect(delivery).toMatchObject({ status: "sent", attempts: 2, transport: "smtp", lastError: afterFirst!.lastError });
    expect(delivery!.sentAt).toBeInstanceOf(Date);
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
    expect(received).toHaveLength(1);
    const message = received[0]!;
    expect(message.from).toBe("noreply@python.org");
    expect(message.to.sort()).toEqual(["ada@example.org", "bob@example.org"]);
    expect(message.raw).toContain(`Subject: ${queued.subject}\r\n`);
    expect(queued.subject).toBe("Mail check from https://www.python.org: Tea & <cake>");
    expect(message.raw).toContain(`Message-ID: ${queued.messageId}\r\n`);
    expect(message.raw).toContain("Reply-To: psf@example.org\r\n");
    const { "text/plain": text, "text/html": html } = parts(message.raw);
    expect(text).toContain("Note: Tea & <cake>");
    expect(html).toContain("Note: Tea &amp; &lt;cake&gt;");
    expect(html).not.toContain("<cake>");
  });

  it("gives up at once on a permanent refusal", async () => {
    refusals = [{ code: 550, message: "5.1.1 No such mailbox" }];
    await mailer.send({ to: "nobody@example.org", template: "mail-check" });
    await drain();
    const [delivery] = await readOutbox(ctx.deps.db);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, sentAt: null });
    expect(delivery!.lastError).toContain("No such mailbox");
    expect(await pendingMailJobs(ctx.deps.db)).toEqual([]);
    expect(received).toEqual([]);
  });

  it("gives up after the last attempt", async () => {
    refusals = [{ code: 451, message: "still busy" }];
    const queued = await mailer.send({ to: "ada@example.org", template: "mail-check" });
    await expect(mailer.deliverMessage({ deliveryId: queued.id, attempt: 10 })).resolves.toBeUndefined();
    expect(await readOutbox(ctx.deps.db)).toMatchObject([{ status: "failed", attempts: 1, lastError: expect.stringContaining("still busy") }]);
  });
});
