import { describeSource, findPurpose } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";
import type { SegmentRules } from "@/lib/marketing/segment-rules";

/** How the marketing pages name a signup source in the rules editor. */
export function sourceLabel(source: string): string {
  const named: Record<string, string> = {
    footer: "The form at the foot of the shop",
    "newsletter-page": "The newsletter page",
    "links-page": "The link page on your social profiles",
    checkout: "Checkout",
  };
  return named[source] ?? source;
}

/** A segment's rules in one line: "Also on Offers · signed up on the newsletter page · ordered". */
export function describeRules(rules: SegmentRules | null, collectionTitle: (id: number) => string | undefined = () => undefined): string {
  if (!rules) return "Rules this version cannot read";
  const parts: string[] = [];
  if (rules.topics.length) parts.push(`also subscribed to ${rules.topics.map((t) => findPurpose(t)?.label ?? t).join(" and ")}`);
  if (rules.sources.length) parts.push(`signed up ${rules.sources.map(describeSource).join(" or ")}`);
  if (rules.signedUpFrom && rules.signedUpTo) parts.push(`signed up ${formatDate(rules.signedUpFrom)} – ${formatDate(rules.signedUpTo)}`);
  else if (rules.signedUpFrom) parts.push(`signed up from ${formatDate(rules.signedUpFrom)}`);
  else if (rules.signedUpTo) parts.push(`signed up until ${formatDate(rules.signedUpTo)}`);
  if (rules.purchase?.kind === "has-ordered") parts.push("has ordered");
  if (rules.purchase?.kind === "not-ordered-in-days") parts.push(`has not ordered in ${rules.purchase.days} days`);
  if (rules.purchase?.kind === "bought-from-collection") parts.push(`bought from ${collectionTitle(rules.purchase.collectionId) ?? `collection ${rules.purchase.collectionId}`}`);
  if (parts.length === 0) return "Everyone subscribed to the campaign’s topic";
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const PURCHASE_CONSENT_NOTE =
  "Purchase rules only include people who allowed personalised suggestions: their order history may be used only with that consent, so everyone else is left out of a segment with a purchase rule.";
