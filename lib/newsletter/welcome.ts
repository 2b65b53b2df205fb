import "server-only";
import { createElement } from "react";
import { getConsentStates, getSubscriber } from "@/db/queries/consent";
import { findPurpose, newsletterTopicIds } from "@/lib/consent/purposes";
import { sendEmail } from "@/lib/email/send";
import { NewsletterWelcomeEmail } from "@/lib/email/templates/newsletter-welcome";
import { siteUrl } from "@/lib/env";
import { shopConfig } from "@/lib/shop-config";
import { listUnsubscribeHeaders, preferencesUrl, unsubscribeUrl } from "./links";
import { subscriptionReason } from "./why";

/**
 * The first newsletter email after a confirmed signup, sent by the worker from the outbox row
 * the confirmation wrote. Nothing is sent if the person has already left every topic again.
 */
export async function sendWelcomeEmail(subscriberId: string) {
  const subscriber = await getSubscriber(subscriberId);
  if (!subscriber) return;
  const states = await getConsentStates({ subscriberId }, newsletterTopicIds);
  const granted = [...states.values()].filter((s) => s.granted);
  if (granted.length === 0) return;
  const why = subscriptionReason(granted);
  await sendEmail({
    to: subscriber.email,
    subject: `Welcome to ${shopConfig.name}`,
    template: "newsletter-welcome",
    reason: why,
    category: "marketing",
    audience: { subscriberId, topics: granted.map((g) => g.purpose) },
    headers: listUnsubscribeHeaders(subscriberId),
    idempotencyKey: `newsletter-welcome:${subscriberId}`,
    react: createElement(NewsletterWelcomeEmail, {
      siteUrl: siteUrl(),
      why,
      topics: granted.map((g) => findPurpose(g.purpose)?.label ?? g.purpose),
      preferencesUrl: preferencesUrl(subscriberId),
      unsubscribeUrl: unsubscribeUrl(subscriberId),
    }),
  });
}
