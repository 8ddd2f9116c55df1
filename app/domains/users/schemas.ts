import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../core/auth/passwords.ts";

/** Legacy Django usernames: 150 characters of letters, digits and @ . + - _ (Unicode letters allowed). */
export const UsernameSchema = z
  .string()
  .trim()
  .min(1, "Enter a username.")
  .max(150, "Use at most 150 characters.")
  .regex(/^[\p{L}\p{N}@.+_-]+$/u, "Use only letters, digits and @ . + - _ characters.");

export const PasswordSchema = z.string().min(8, "Use at least 8 characters.").max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const EmailSchema = z.email("Enter a valid email address.").max(254, "Use at most 254 characters.");

/** The login form: a username or an email address, and a password. */
export const LoginFormSchema = z.object({
  username: z
    .string({ error: "Enter your username or email address." })
    .trim()
    .min(1, "Enter your username or email address.")
    .max(254, "Use at most 254 characters.")
    .regex(/^\P{Cc}+$/u, "Enter a valid username or email address."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
  next: z.string().max(2048).optional(),
});
export type LoginForm = z.infer<typeof LoginFormSchema>;

export const CreateUserInputSchema = z.object({
  username: UsernameSchema,
  email: EmailSchema.optional(),
  /** Omitted: the account gets an unusable password (it cannot log in until one is set). */
  password: PasswordSchema.optional(),
  firstName: z.string().trim().max(150).default(""),
  lastName: z.string().trim().max(150).default(""),
  isStaff: z.boolean().default(false),
  isSuperuser: z.boolean().default(false),
  isActive: z.boolean().default(true),
  /** Marks the email address as verified (allowed for accounts created by an operator). */
  emailVerified: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

/**
 * The `next` target after login: a path on this site only. The value is normalised first
 * (as a browser would resolve it: dot segments, and so on) and the result is what is
 * checked, so `/.//evil.example` cannot become `//evil.example` after the check. Anything a
 * browser could read as another origin (`//host`, `/\host`, `https:…`, control characters)
 * falls back to `fallback`, so the login form cannot be used as an open redirect.
 */
export function safeNextPath(next: string | undefined | null, fallback = "/"): string {
  if (!next || next.length > 2048) return fallback;
  // Browsers drop tabs and newlines and treat backslashes as slashes: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  if (!isLocalPath(next)) return fallback;
  let normalised: string;
  try {
    const url = new URL(next, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    normalised = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  return isLocalPath(normalised) ? normalised : fallback;
}

/** One leading slash, then anything but a second slash or a backslash (`//x` and `/\x` name a host). */
const isLocalPath = (value: string) => /^\/(?![/\\])/.test(value);
