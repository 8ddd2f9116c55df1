// `npm run user:create -- --username <name> [--email <address>] [--staff | --superuser]
//   [--reset-password] [--api-key] [--token]`: creates an account from the command line
// so a fresh install can sign in to the admin. The password comes from USER_PASSWORD or
// is prompted for twice without echo; it never appears in arguments or shell history.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AppError } from "../app/core/errors.ts";
import type { Services } from "../app/domains/index.ts";

const USAGE = `Usage: npm run user:create -- --username <name> [--email <address>] [--staff | --superuser]
                           [--reset-password] [--api-key] [--token]
  The password is read from USER_PASSWORD, or prompted for when run in a terminal.
  --reset-password  set a new password for an existing user instead of creating one
  --api-key         also issue a tastypie API key (Authorization: ApiKey <username>:<key>)
  --token           also issue a DRF token (Authorization: Token <key>)`;

export interface CreateUserIo {
  env: NodeJS.ProcessEnv;
  /** Asks for a secret without echoing it; undefined when there is no terminal. */
  promptSecret?: (question: string) => Promise<string>;
  print: (line: string) => void;
}

/** Runs the command against built services; returns the process exit code. */
export async function runCreateUser(argv: string[], services: Pick<Services, "users">, io: CreateUserIo): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        username: { type: "string" },
        email: { type: "string" },
        staff: { type: "boolean", default: false },
        superuser: { type: "boolean", default: false },
        "reset-password": { type: "boolean", default: false },
        "api-key": { type: "boolean", default: false },
        token: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!options.username) {
    io.print(USAGE);
    return 2;
  }
  const password = await readPassword(io);
  if (password === undefined) return 1;

  try {
    const userId = options["reset-password"]
      ? await resetPassword(services, options.username, password)
      : await create(services, { ...options, username: options.username }, password);
    io.print(`${options["reset-password"] ? "Password changed" : "Created"} for ${options.username} (id ${userId}).`);
    if (options["api-key"]) io.print(`API key (shown once): ${await services.users.issueApiKey({ userId })}`);
    if (options.token) io.print(`API token (shown once): ${await services.users.issueAuthToken({ userId })}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) && !(error instanceof z.ZodError)) throw error;
    io.print(`Could not ${options["reset-password"] ? "change the password" : "create the user"}: ${describeError(error)}`);
    return 1;
  }
}

async function create(services: Pick<Services, "users">, options: { username: string; email?: string; staff: boolean; superuser: boolean }, password: string): Promise<number> {
  const user = await services.users.createUser({
    input: {
      username: options.username,
      email: options.email,
      password,
      isStaff: options.staff || options.superuser,
      isSuperuser: options.superuser,
      // An operator vouches for the address, so it can be used to sign in at once.
      emailVerified: Boolean(options.email),
    },
  });
  return user.id;
}

async function resetPassword(services: Pick<Services, "users">, username: string, password: string): Promise<number> {
  const userId = await services.users.findUserIdByUsername({ username });
  if (userId === null) throw new AppError("NOT_FOUND", `There is no user named "${username}".`);
  await services.users.changePassword({ userId, password });
  return userId;
}

async function readPassword(io: CreateUserIo): Promise<string | undefined> {
  if (io.env.USER_PASSWORD) return io.env.USER_PASSWORD;
  if (!io.promptSecret) {
    io.print("Set USER_PASSWORD, or run this in a terminal to be asked for the password.");
    return undefined;
  }
  const first = await io.promptSecret("Password: ");
  const second = await io.promptSecret("Password (again): ");
  if (first !== second) {
    io.print("The two passwords differ.");
    return undefined;
  }
  return first;
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    return [error.message, ...fields].join("\n  ");
  }
  const issues = error instanceof z.ZodError ? error.issues : [];
  return issues.map((issue) => `${issue.path.map(String).join(".") || "input"}: ${issue.message}`).join("\n  ");
}

/** Reads one line from the terminal with echo off. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new Error("Cancelled."));
        if (char === "\u007f" || char === "\b") value = [...value].slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function main(): Promise<void> {
  const { loadConfig } = await import("../app/core/config/config.ts");
  const { createLogger } = await import("../app/core/logging/logger.ts");
  const { buildRuntime } = await import("../app/deps.ts");
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false } });
  try {
    process.exitCode = await runCreateUser(process.argv.slice(2), runtime.services, {
      env: process.env,
      promptSecret: process.stdin.isTTY ? promptHidden : undefined,
      print: (line) => console.log(line),
    });
  } finally {
    await runtime.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { runCommand } = await import("../app/core/cli/failure.ts");
  await runCommand("user:create", main);
}
