// Inputs of the admin's user and group forms (the editors' admin, app/core/admin).
import { z } from "zod";
import { dbIdTextSchema } from "../../../core/http/ids.ts";
import { EmailSchema, PasswordSchema, UsernameSchema } from "../schemas.ts";

const Id = dbIdTextSchema();

/** One row of the user form's group-membership inline. */
export const MembershipRowSchema = z.object({ groupId: Id });

export const UserAdminInputSchema = z.object({
  username: UsernameSchema,
  email: EmailSchema.optional(),
  firstName: z.string().trim().max(150, "Use at most 150 characters.").optional(),
  lastName: z.string().trim().max(150, "Use at most 150 characters.").optional(),
  isActive: z.boolean(),
  isStaff: z.boolean(),
  isSuperuser: z.boolean(),
  /** A new password; left out, the current one stays (a new account gets an unusable one). */
  password: PasswordSchema.optional(),
  groups: z.array(MembershipRowSchema).max(200, "Choose at most 200 groups."),
});
export type UserAdminInput = z.infer<typeof UserAdminInputSchema>;

export const GroupAdminInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(150, "Use at most 150 characters."),
  permissions: z.array(Id).max(5000).default([]),
});
export type GroupAdminInput = z.infer<typeof GroupAdminInputSchema>;

export const USER_SORT_FIELDS = ["username", "email", "firstName", "lastName", "isStaff", "isActive", "lastLogin", "dateJoined"] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export interface AdminPageQuery<Field extends string> {
  q?: string;
  orderBy: { field: Field; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}
