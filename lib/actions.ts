import "server-only";
import { z } from "zod";
import type { UserRole } from "@/db/schema";
import { requireRole, requireUser, type SessionUser } from "./auth/session";
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

/**
 * formAction for signed-in people: the session (and role, when given) is checked first, on
 * every call, before the input is even read. Ownership is then checked by the query itself.
 */
export function userFormAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, user: SessionUser) => Promise<T>, options: { roles?: UserRole[] } = {}) {
  return async (previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    let user: SessionUser;
    try {
      user = options.roles ? await requireRole(...options.roles) : await requireUser();
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
    return formAction(schema, (input) => handler(input, user))(previous, formData);
  };
}
