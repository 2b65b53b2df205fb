/**
 * Every use of personal data that needs the person's consent, defined once. The privacy
 * centre, the signup forms, the privacy notice and the email footers all read from here, so
 * the words a shopper agrees to are the words the merchant can later prove they saw.
 *
 * When a wording changes, give it a new `wordingId`: the ledger keeps the id that was shown.
 */
export type ConsentPurpose = {
  id: string;
  label: string;
  /** What it means, in one sentence, shown beside the switch. */
  description: string;
  /** The exact words shown next to the checkbox or switch; versioned by wordingId. */
  wording: string;
  wordingId: string;
  /** Newsletter topics belong to an email address (subscriber); the rest to an account. */
  subject: "subscriber" | "user";
  /** How long we keep what this purpose uses, for the privacy notice. */
  retention: string;
};

export const newsletterTopics = [
  {
    id: "newsletter:new-arrivals",
    label: "New arrivals",
    description: "An email when new pieces leave the workshop, about twice a month.",
    wording: "Email me when new pieces arrive (about twice a month).",
    wordingId: "newsletter-new-arrivals@2026-11",
    subject: "subscriber",
    retention: "Until you unsubscribe; then only the record of your choice is kept.",
  },
  {
    id: "newsletter:offers",
    label: "Offers and events",
    description: "Occasional emails about sales, restocks and workshop open days.",
    wording: "Email me about offers, restocks and workshop events (a few times a year).",
    wordingId: "newsletter-offers@2026-11",
    subject: "subscriber",
    retention: "Until you unsubscribe; then only the record of your choice is kept.",
  },
] as const satisfies readonly ConsentPurpose[];

export const consentPurposes: readonly ConsentPurpose[] = [
  ...newsletterTopics,
  {
    id: "personalisation",
    label: "Personalised suggestions",
    description: "We use what you have ordered to suggest products, and always say why a suggestion is shown.",
    wording: "Use my order history to suggest products I might like.",
    wordingId: "personalisation@2026-11",
    subject: "user",
    retention: "While your account exists.",
  },
];

export type NewsletterTopicId = (typeof newsletterTopics)[number]["id"];
export const newsletterTopicIds = newsletterTopics.map((t) => t.id) as NewsletterTopicId[];

export function findPurpose(id: string): ConsentPurpose | undefined {
  return consentPurposes.find((p) => p.id === id);
}

export function isNewsletterTopic(id: string): id is NewsletterTopicId {
  return (newsletterTopicIds as string[]).includes(id);
}

/** Where a consent was given or withdrawn, in the words used in histories and email footers. */
export const consentSources = {
  checkout: "at checkout",
  footer: "with the form at the foot of the shop",
  "newsletter-page": "on the newsletter page",
  "links-page": "via the link page on our social profiles",
  "privacy-centre": "in your privacy centre",
  "preferences-page": "on your email preferences page",
  "email-link": "from an email link",
  "email-header": "with your email app's unsubscribe button",
  "account-deletion": "when you deleted your account",
  // The "Why am I seeing this?" panel beside a personal suggestion (app/(shop)/recommendations/actions.ts).
  recommendation: "from the “Why am I seeing this?” panel of a suggestion",
  // Recorded by the shop itself when the email provider reports the address (POST /api/webhooks/resend).
  "email-provider": "after our email provider reported a hard bounce or a spam complaint",
} as const;

export type ConsentSource = keyof typeof consentSources;

export function describeSource(source: string): string {
  // Consent brought over from an earlier list (a subscriber import): "import:website-pop-up".
  if (source === "import" || source.startsWith("import:")) {
    const where = source.slice("import:".length).replace(/-/g, " ");
    return where ? `via ${where} (on our earlier mailing list)` : "on our earlier mailing list";
  }
  // A signup whose visit came from a post or another site (lib/attribution/landing.ts): "utm:instagram".
  if (source.startsWith("utm:")) return `on our shop, after following a link from ${source.slice("utm:".length)}`;
  return (consentSources as Record<string, string>)[source] ?? `via ${source}`;
}

/** Where a signup form may sit; each is recorded as the consent's source. */
export const signupSources = ["footer", "newsletter-page", "links-page"] as const;

/** The wording shown beside the signup checkboxes; its id is stored with every request. */
export const signupWording = {
  id: "newsletter-signup@2026-11",
  text: "Tick what you would like. We send a confirmation email first; nothing else arrives until you confirm, and every email has a one-click unsubscribe.",
};

/** The checkout's single box; recorded with its own wording id. */
export const checkoutNewsletterWording = {
  id: "checkout-newsletter@2026-11",
  text: "Send me the workshop newsletter: new arrivals and the occasional offer, about twice a month. You can unsubscribe in one click from any email.",
  topics: newsletterTopicIds,
};
