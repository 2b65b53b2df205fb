import "server-only";
import { z } from "zod";
import { AppError, type AppErrorCode } from "./errors";

/** What every server action returns: data, or a message and every field's errors. */
export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/**
 * The one wrapper every action goes through: parse the form with zod (all field errors at
 * once), run the handler, and turn expected failures (AppError) into results. Actions are
 * public POST endpoints, so each handler checks its own access rights.
 */
export function formAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>) => Promise<T>) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, code: "invalid", message: "Please check the highlighted fields.", fieldErrors };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
}
