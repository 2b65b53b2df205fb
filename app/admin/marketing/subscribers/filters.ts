import { subscriberStatuses, type SubscriberFilters, type SubscriberStatus } from "@/db/queries/admin-subscribers";
import { dateParam, dayAfterParam, param, type SearchParams } from "@/lib/admin/list-params";
import { isNewsletterTopic } from "@/lib/consent/purposes";

/** The list's filters as the URL holds them (?q, status, topic, source, from, to): the page and its CSV export read them alike. */
export function readSubscriberFilters(params: SearchParams): SubscriberFilters & { values: Record<"q" | "status" | "topic" | "source" | "from" | "to", string> } {
  const q = param(params, "q").slice(0, 200);
  const statusParam = param(params, "status");
  const status = (subscriberStatuses as readonly string[]).includes(statusParam) ? (statusParam as SubscriberStatus) : undefined;
  const topicParam = param(params, "topic");
  const topic = isNewsletterTopic(topicParam) ? topicParam : undefined;
  const source = param(params, "source").slice(0, 100) || undefined;
  const from = dateParam(params, "from");
  const to = dayAfterParam(params, "to");
  return {
    q: q || undefined,
    status,
    topic,
    source,
    from,
    to,
    values: { q, status: status ?? "", topic: topic ?? "", source: source ?? "", from: from ? param(params, "from") : "", to: to ? param(params, "to") : "" },
  };
}

/** The same filters from a request's query string (the export route). */
export function searchParamsOf(url: string): SearchParams {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
