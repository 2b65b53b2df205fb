import type { SubscriberStatus } from "@/db/queries/admin-subscribers";
import { findPurpose } from "@/lib/consent/purposes";

/** How the marketing pages name a subscriber's state. */
export const subscriberStatusLabel: Record<SubscriberStatus, string> = {
  active: "Subscribed",
  pending: "Not confirmed yet",
  unsubscribed: "Unsubscribed",
};

export function topicLabel(purposeId: string): string {
  return findPurpose(purposeId)?.label ?? purposeId;
}
