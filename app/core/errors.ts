// Application errors carry a code; one table maps codes to HTTP statuses so services
// never speak HTTP and every transport (HTML, JSON API, admin) answers alike.
export const ERROR_STATUS = {
  NOT_FOUND: 404,
  VALIDATION: 422,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  /** A backing service (Redis for sessions) is down; the request may succeed later. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldErrors; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

// PostgreSQL's code for text it cannot store: in practice a NUL byte from a URL or form.
const PG_INVALID_BYTE_SEQUENCE = "22021";

/** The PostgreSQL error code behind a Prisma driver-adapter or raw-query error, if any. */
function postgresCode(error: object): string | undefined {
  const meta = (error as { meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof code === "string" ? code : undefined;
}

/** Maps Prisma's known request errors to AppError by their stable error code. */
export function fromPrismaError(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  if (postgresCode(error) === PG_INVALID_BYTE_SEQUENCE) {
    return new AppError("BAD_REQUEST", "The request contains characters that cannot be stored or searched (such as NUL bytes).", { cause: error });
  }
  switch ((error as { code: unknown }).code) {
    case "P2025":
      return new AppError("NOT_FOUND", "The record does not exist.", { cause: error });
    case "P2002":
      return new AppError("CONFLICT", "A record with the same unique value already exists.", { cause: error });
    case "P2003":
      return new AppError("CONFLICT", "The record is still referenced by other records.", { cause: error });
    default:
      return undefined;
  }
}

/** Turns any thrown value into an AppError when its meaning is known. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  return fromPrismaError(error);
}
