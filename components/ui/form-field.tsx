import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { Input, Label } from "./input";

type FormFieldProps = {
  name: string;
  label: string;
  /** Required so every field says what it is to browsers and password managers ("off" if nothing fits). */
  autoComplete: string;
  /** Every message for this field; all of them are shown. */
  errors?: string[];
  hint?: string;
  required?: boolean;
  /** Defaults to `name`; give one when a page shows the same field twice. */
  id?: string;
  className?: string;
} & Omit<ComponentProps<typeof Input>, "name" | "id" | "required" | "autoComplete" | "className" | "aria-invalid" | "aria-describedby">;

/**
 * A labelled input with its hint and every error, wired for screen readers: aria-invalid, and
 * aria-describedby naming the errors first and then the hint. Used by every form in the shop
 * so they look and behave alike.
 */
export function FormField({ name, label, errors, hint, required = true, id = name, className, type = "text", ...inputProps }: FormFieldProps) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <Label htmlFor={id}>
        {label}
        {required ? null : <span className="font-normal text-ink-muted"> (optional)</span>}
      </Label>
      {hint ? (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      <Input
        id={id}
        name={name}
        type={type}
        required={required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1"
        {...inputProps}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/**
 * The errors under a control: every one, each on its own line (a repeated message once). Also
 * used on its own under controls that are not a FormField (select, radio group, checkbox):
 * point the control's aria-describedby at `id`.
 */
export function FieldError({ errors, id, className }: { errors?: string[]; id?: string; className?: string }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className={cn("mt-1 space-y-0.5 text-sm font-medium text-danger", className)}>
      {[...new Set(errors)].map((error) => (
        <p key={error}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ))}
    </div>
  );
}
