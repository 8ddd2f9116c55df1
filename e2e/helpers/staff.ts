// Editors for browser tests: a staff account written straight into the database the e2e
// server uses (scripts/e2e-server.ts picks it the same way), then a sign-in through the
// real login form, so sessions live wherever the server keeps them (Redis or database).
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../../app/core/auth/passwords.ts";
import { createDb } from "../../app/core/db/client.ts";
import { embeddedDatabaseUrl } from "../../app/core/db/embedded.ts";

/** The database scripts/e2e-server.ts created for this run. */
export function e2eDatabaseUrl(): string {
  const configured = process.env.DATABASE_URL;
  if (!configured) return embeddedDatabaseUrl(Number(process.env.E2E_EMBEDDED_PG_PORT ?? 54349));
  const url = new URL(configured);
  const baseName = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  url.pathname = `/${encodeURIComponent(`${baseName}_e2e`)}`;
  return url.toString();
}

export interface Editor {
  username: string;
  password: string;
}

/** A new superuser with a random name and password. */
export async function createEditor(): Promise<Editor> {
  const editor = { username: `editor-${randomBytes(4).toString("hex")}`, password: randomBytes(12).toString("base64url") };
  const db = createDb(e2eDatabaseUrl(), { maxConnections: 1 });
  try {
    await db.user.create({
      data: { username: editor.username, password: await hashPassword(editor.password), isStaff: true, isSuperuser: true, email: `${editor.username}@example.com` },
    });
  } finally {
    await db.$disconnect();
  }
  return editor;
}

/** Signs in through /accounts/login/ and waits until the admin answers. */
export async function signInAsEditor(page: Page, editor: Editor): Promise<void> {
  await page.goto("/accounts/login/?next=/admin/");
  await page.getByLabel("Username").fill(editor.username);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/$/);
}
