/** Shown while an admin page loads its figures: the shape of a page, announced politely. */
export default function AdminLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading…</span>
      <div className="h-9 w-48 rounded bg-surface-sunken" />
      <div className="mt-3 h-4 w-80 max-w-full rounded bg-surface-sunken" />
      <div className="mt-8 space-y-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-10 rounded bg-surface-sunken" />
        ))}
      </div>
    </div>
  );
}
