import type { ActionResult } from "@/lib/actions";
import { Notice } from "./notice";

/**
 * The line above a form that says what happened: an error (role=alert) or a confirmation
 * (role=status). Field errors are shown beside their fields, so only other errors appear here.
 */
export function FormStatus({ state, success, fields = [] }: { state: ActionResult<unknown> | null; success?: string; fields?: string[] }) {
  if (!state) return null;
  if (state.ok) {
    const message = state.message ?? success;
    return message ? <Notice>{message}</Notice> : null;
  }
  const fieldErrors = Object.keys(state.fieldErrors ?? {}).filter((name) => fields.includes(name));
  return (
    <Notice tone="error">
      {state.message}
      {/* Errors for inputs the form does not show (hidden fields) are said here. */}
      {Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => !fieldErrors.includes(name))
        .map(([name, errors]) => (
          <span key={name} className="block">
            {errors.join(" ")}
          </span>
        ))}
    </Notice>
  );
}
