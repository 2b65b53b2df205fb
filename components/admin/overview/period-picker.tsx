import Link from "next/link";
import { cn } from "@/lib/cn";

/** The overview's period, chosen by link (?days=7), so it works without JavaScript and can be bookmarked. */
export function PeriodPicker({ periods, current, hrefFor = (days) => `/admin?days=${days}` }: { periods: readonly number[]; current: number | null; hrefFor?: (days: number) => string }) {
  return (
    <nav aria-label="Period">
      <ul className="flex rounded-full border border-line bg-surface-raised p-1 text-sm">
        {periods.map((days) => (
          <li key={days}>
            <Link
              href={hrefFor(days)}
              aria-current={days === current ? "page" : undefined}
              className={cn("block rounded-full px-3 py-1.5 text-ink-muted hover:text-ink", days === current && "bg-ink font-medium text-surface hover:text-surface")}
            >
              Last {days} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
