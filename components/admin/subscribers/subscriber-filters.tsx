import Link from "next/link";
import { subscriberStatuses } from "@/db/queries/admin-subscribers";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { newsletterTopics } from "@/lib/consent/purposes";
import { sourceLabel, subscriberStatusLabel } from "./wording";

export type SubscriberFilterValues = { q: string; status: string; topic: string; source: string; from: string; to: string };

/**
 * The subscriber list's filters: a plain GET form, so a filtered list is a URL (bookmark it,
 * share it, export it) and works without JavaScript. Every filter combines with the others.
 */
export function SubscriberFilters({ base, values, sources, filtered }: { base: string; values: SubscriberFilterValues; sources: string[]; filtered: boolean }) {
  const sourceChoices = values.source && !sources.includes(values.source) ? [...sources, values.source] : sources;
  return (
    <form action={base} method="get" role="search" aria-label="Filter subscribers" className="mb-4 grid gap-3 rounded-card border border-line bg-surface-raised p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="sm:col-span-2">
        <Label htmlFor="subscriber-search">Email address</Label>
        <Input id="subscriber-search" name="q" type="search" defaultValue={values.q} autoComplete="off" size="sm" className="mt-1" />
      </div>
      <div>
        <Label htmlFor="subscriber-status">Status</Label>
        <Select id="subscriber-status" name="status" defaultValue={values.status} size="sm" className="mt-1">
          <option value="">Any status</option>
          {subscriberStatuses.map((s) => (
            <option key={s} value={s}>
              {subscriberStatusLabel[s]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="subscriber-topic">Topic</Label>
        <Select id="subscriber-topic" name="topic" defaultValue={values.topic} size="sm" className="mt-1">
          <option value="">Any topic</option>
          {newsletterTopics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="subscriber-source">Signed up via</Label>
        <Select id="subscriber-source" name="source" defaultValue={values.source} size="sm" className="mt-1">
          <option value="">Any source</option>
          {sourceChoices.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(s)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="subscriber-from">Signed up from</Label>
        <Input id="subscriber-from" name="from" type="date" defaultValue={values.from} size="sm" className="mt-1" />
      </div>
      <div>
        <Label htmlFor="subscriber-to">Signed up to</Label>
        <Input id="subscriber-to" name="to" type="date" defaultValue={values.to} size="sm" className="mt-1" />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4 lg:justify-end">
        <Button type="submit" variant="secondary" size="sm">
          Apply
        </Button>
        {filtered ? (
          <Link href={base} className="text-sm text-ink-muted underline underline-offset-4 hover:text-ink">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
