/**
 * A labelled input with its hint and error, wired for screen readers (aria-invalid and
 * aria-describedby). Used by every form in the shop so they look and behave alike.
 */
export function FormField({
  name,
  label,
  autoComplete,
  errors,
  type = "text",
  required = true,
  hint,
  defaultValue,
}: {
  name: string;
  label: string;
  autoComplete: string;
  errors?: string[];
  type?: string;
  required?: boolean;
  hint?: string;
  defaultValue?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium">
        {label}
        {required ? null : <span className="font-normal text-ink-muted"> (optional)</span>}
      </label>
      {hint ? <p className="text-xs text-ink-muted">{hint}</p> : null}
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="mt-1 h-11 w-full rounded-lg border border-line-strong bg-surface-raised px-3 text-base aria-invalid:border-danger"
      />
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠ </span>
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

/** An error under a control that is not a FormField (select, radio group, checkbox). */
export function FieldError({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger">
      <span aria-hidden="true">⚠ </span>
      {errors.join(" ")}
    </p>
  );
}
