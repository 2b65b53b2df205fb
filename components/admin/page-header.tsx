import type { ReactNode } from "react";

/** The top of every admin page: its title, one line on what it is for, and its main actions. */
export function AdminPageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: ReactNode }) {
  return (
    <div className="mb-6">
      {back ? <div className="mb-2 text-sm">{back}</div> : null}
      <div className="flex flex-wrap items-end gap-3">
        {/* basis: on a phone the actions wrap below the title instead of squeezing its text. */}
        <div className="min-w-0 flex-1 basis-64">
          <h1 className="text-3xl">{title}</h1>
          {description ? <p className="mt-1 max-w-prose text-sm text-ink-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

/** What an empty list says, and what to do about it. */
export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-card border border-dashed border-line-strong bg-surface-raised px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-ink-muted">{children}</div> : null}
    </div>
  );
}
