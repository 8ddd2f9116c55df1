// zod validation for JSON API input; failures become AppErrors so the API's error
// handler answers with problem details listing each field's messages.
import { zValidator } from "@hono/zod-validator";
import type { z } from "zod";
import { AppError, type FieldErrors } from "../errors.ts";

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validateQuery<Schema extends z.ZodType>(schema: Schema) {
  return zValidator("query", schema, (result) => {
    if (!result.success) {
      throw new AppError("BAD_REQUEST", "Some query parameters are not valid.", { fields: fieldErrors(result.error as unknown as z.ZodError) });
    }
  });
}

export function validateJson<Schema extends z.ZodType>(schema: Schema) {
  return zValidator("json", schema, (result) => {
    if (!result.success) {
      throw new AppError("VALIDATION", "The request body is not valid.", { fields: fieldErrors(result.error as unknown as z.ZodError) });
    }
  });
}
