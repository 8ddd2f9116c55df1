// Parsing service input into coded errors, so every transport shows the same messages.
import type { z } from "zod";
import { AppError } from "../../../core/errors.ts";
import { fieldErrors } from "../../../core/http/validate.ts";

/** Parses `input` or throws VALIDATION with messages per field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "Some fields are not valid.", { fields: fieldErrors(result.error) });
  return result.data;
}
