import type { SubscriberStatus } from "@/db/queries/admin-subscribers";
import { findPurpose } from "@/lib/consent/purposes";

/** How the marketing pages name a subscriber's state. */
export const subscriberStatusLabel: Record<SubscriberStatus, string> = {
  active: "Subscribed",
  pending: "Not confirmed yet",
  unsubscribed: "Unsubscribed",
  bounced: "Bounced",
  complained: "Reported as spam",
};

export const subscriberStatusTone: Record<SubscriberStatus, "success" | "warning" | "neutral" | "danger"> = {
  active: "success",
  pending: "warning",
  unsubscribed: "neutral",
  bounced: "danger",
  complained: "danger",
};

export function topicLabel(purposeId: string): string {
  return findPurpose(purposeId)?.label ?? purposeId;
}

const sourceNames: Record<string, string> = {
  footer: "Footer form",
  "newsletter-page": "Newsletter page",
  "links-page": "Link page (social profiles)",
  checkout: "Checkout",
  "privacy-centre": "Privacy centre",
  "preferences-page": "Email preferences page",
  import: "Imported",
};

/** Where someone signed up, as the list and its filter name it: "Footer form", "Imported: website-pop-up". */
export function sourceLabel(source: string): string {
  if (source.startsWith("import:")) return `Imported: ${source.slice("import:".length)}`;
  return sourceNames[source] ?? source;
}
