import type { ActionResult } from "@/lib/actions";

/**
 * The line above a form that says what happened: an error (role=alert) or a confirmation
 * (role=status). Field errors are shown beside their fields, so only other errors appear here.
 */
export function FormStatus({ state, success, fields = [] }: { state: ActionResult<unknown> | null; success?: string; fields?: string[] }) {
  if (!state) return null;
  if (state.ok) {
    const message = state.message ?? success;
    return message ? (
      <p role="status" className="rounded-lg border border-line bg-surface-sunken p-3 text-sm">
        {message}
      </p>
    ) : null;
  }
  const fieldErrors = Object.keys(state.fieldErrors ?? {}).filter((name) => fields.includes(name));
  return (
    <div role="alert" className="rounded-lg border border-danger bg-[#f7e1de] p-3 text-sm text-danger">
      {state.message}
      {/* Errors for inputs the form does not show (hidden fields) are said here. */}
      {Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => !fieldErrors.includes(name))
        .map(([name, errors]) => (
          <span key={name} className="block">
            {errors.join(" ")}
          </span>
        ))}
    </div>
  );
}

export const submitButtonClass = "h-11 rounded-full bg-accent-600 px-6 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60";
export const secondaryButtonClass = "h-11 rounded-full border border-line-strong bg-surface-raised px-5 text-sm font-medium text-ink hover:bg-surface-sunken disabled:opacity-60";
