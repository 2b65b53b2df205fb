import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Tx } from "@/db";
import { runAudited, type AuditRecord } from "@/db/queries/audit";
import type { Permission } from "./auth/permissions";
import { requireRecentSignIn } from "./auth/recent-sign-in";
import { requirePermission, requireUser, type SessionUser } from "./auth/session";
import { AppError, type AppErrorCode } from "./errors";
import { readForm } from "./forms";

/** What every server action returns: data, or a message and every field's errors. */
export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Called as `useActionState` calls it, (previous, formData), or as a plain `<form action>` in a
 * server component calls it, (formData): the latter needs no client JavaScript at all.
 */
type FormHandler<T> = (previousOrForm: unknown, formData?: unknown) => Promise<ActionResult<T>>;

const formOf = (previousOrForm: unknown, formData: unknown) => (formData === undefined && previousOrForm instanceof FormData ? previousOrForm : formData);

const UNREADABLE: ActionResult<never> = { ok: false, code: "invalid", message: "This form could not be read. Please reload the page and try again." };

/*
 * The wrappers every server action goes through. An action is a public POST endpoint that any
 * script can call with any argument, so each wrapper checks who is calling (when it must),
 * reads the form (every value of a multi-value field), validates it with zod (all field errors
 * at once), runs the handler, and turns expected failures (AppError) into results.
 *
 *   publicFormAction        anyone may call it: the shopper-facing forms (sign-in, cart, checkout…)
 *   publicRedirectingAction the same, for a form with no client code that answers by redirecting
 *   userFormAction          a signed-in person; ownership is then checked by the query itself
 *   adminAction             a staff member whose role has the named permission; the change and
 *                           its audit entry are written in one transaction
 *
 * Every public action is listed, with why it may be public, in lib/auth/public-actions.ts; a
 * test fails for an action that is neither listed nor behind userFormAction.
 */

function toResult(error: unknown): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}

async function runParsed<S extends z.ZodType, T>(schema: S, formData: unknown, handler: (input: z.infer<S>) => Promise<T>): Promise<ActionResult<T>> {
  const input = readForm(schema, formData);
  if (!input) return UNREADABLE;
  let parsed: ReturnType<S["safeParse"]>;
  try {
    parsed = schema.safeParse(input) as ReturnType<S["safeParse"]>;
  } catch {
    // A value no form field can hold (a file where text belongs) can throw inside a schema.
    return UNREADABLE;
  }
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, code: "invalid", message: "Please check the highlighted fields.", fieldErrors };
  }
  try {
    return { ok: true, data: await handler(parsed.data as z.infer<S>) };
  } catch (error) {
    return toResult(error);
  }
}

/** An action anyone may call. Its handler may only touch what the caller's own cookies name. */
export function publicFormAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>) => Promise<T>): FormHandler<T> {
  return (previousOrForm, formData) => runParsed(schema, formOf(previousOrForm, formData), handler);
}

/**
 * An action for signed-in shoppers: the session is checked first, on every call, before the
 * input is even read. Ownership is then checked by the query itself. (Staff actions use
 * adminAction, which names a permission.)
 */
export function userFormAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, user: SessionUser) => Promise<T>): FormHandler<T> {
  return async (previousOrForm, formData) => {
    let user: SessionUser;
    try {
      user = await requireUser();
    } catch (error) {
      return toResult(error);
    }
    return runParsed(schema, formOf(previousOrForm, formData), (input) => handler(input, user));
  };
}

/**
 * For a `<form action>` in a server component (no client JavaScript): the same server action,
 * typed as React expects a form action. Its result is not shown, so use it only for actions
 * that end with a redirect.
 */
export function asPlainFormAction<T>(action: FormHandler<T>): (formData: FormData) => Promise<void> {
  return action as unknown as (formData: FormData) => Promise<void>;
}

/**
 * A public action for a form that has no client code (it is on every page, or must work with
 * JavaScript off) and answers only by redirecting: invalid input goes to `onInvalid`'s page,
 * which says what to fix. Anything that is not a form is ignored.
 */
export function publicRedirectingAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<void>,
  onInvalid: (fields: string[]) => never,
): (formData: FormData) => Promise<void> {
  return async (formData: unknown) => {
    const input = readForm(schema, formData);
    if (!input) return;
    let parsed: ReturnType<S["safeParse"]>;
    try {
      parsed = schema.safeParse(input) as ReturnType<S["safeParse"]>;
    } catch {
      onInvalid([]);
    }
    if (!parsed.success) onInvalid(Object.keys(z.flattenError(parsed.error).fieldErrors));
    await handler(parsed.data as z.infer<S>);
  };
}

/** What an admin change hands back to adminAction. */
export type AdminChange<T> = {
  data: T;
  /** Required: the wrapper writes it in the change's own transaction. */
  audit: AuditRecord | AuditRecord[];
  /** Shown to the staff member (a toast or notice). */
  message?: string;
  /** After the commit: expire cache tags, send the shopper's email… Never inside the transaction. */
  afterCommit?: () => Promise<void> | void;
  /** Where to go once it is all done (e.g. a new product's edit page). */
  redirectTo?: string;
};

export type AdminContext = { staff: SessionUser; tx: Tx };

/**
 * Every /admin server action. The permission is the first argument and required, so an
 * action cannot be written without one; it is checked on every call before the input is read.
 * The handler gets the acting staff member and a transaction, makes its change through
 * data-access functions that take that transaction, and returns the audit entry, which the
 * wrapper writes in the same transaction. `recentSignIn` asks for a sign-in from the last few
 * minutes (role changes, removing staff, exporting a customer's data).
 */
export function adminAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, context: AdminContext) => Promise<AdminChange<T>>,
  options: { recentSignIn?: boolean } = {},
): FormHandler<T> {
  return async (previousOrForm, formData) => {
    let staff: SessionUser;
    try {
      staff = await requirePermission(permission);
      if (options.recentSignIn) await requireRecentSignIn(staff);
    } catch (error) {
      return toResult(error);
    }
    let change: AdminChange<T> | undefined;
    const result = await runParsed(schema, formOf(previousOrForm, formData), async (input) => {
      change = await runAudited(staff, (tx) => handler(input, { staff, tx }));
      return change.data;
    });
    if (!result.ok || !change) return result;
    if (change.afterCommit) {
      try {
        await change.afterCommit();
      } catch (error) {
        // The change is committed and on record; a failed follow-up must not claim otherwise.
        console.error("admin action: follow-up after commit failed", { permission, error });
      }
    }
    if (change.redirectTo) redirect(change.redirectTo);
    return change.message ? { ...result, message: change.message } : result;
  };
}
