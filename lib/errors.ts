export type AppErrorCode = "unauthorized" | "forbidden" | "not_found" | "invalid" | "conflict" | "rate_limited";

const statusByCode: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
};

/** An expected failure with a message that is safe to show to the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return statusByCode[this.code];
  }
}

/** The JSON body route handlers send for an expected failure. */
export function errorResponse(error: AppError, init?: ResponseInit) {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
    { ...init, status: error.status },
  );
}
