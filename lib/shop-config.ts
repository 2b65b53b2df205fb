/**
 * What a developer sets to make Hearth their own shop (with app/theme.css for colours and type,
 * and db/seed.ts for the demo catalogue). What a merchant changes day to day (the shop's name
 * as the shop shows it, contact details, postal address, tax, delivery prices, social links,
 * email sender) is in the database, edited in /admin/settings (lib/settings, db/schema/settings.ts).
 */
export const shopConfig = {
  /**
   * The name in page titles, the web app manifest and email subjects, which are built without
   * the database. The header, footer and emails show the name from /admin/settings.
   */
  name: "Ember & Oak",
  tagline: "Homeware and clothing, made slowly in a small workshop.",
  description:
    "Ember & Oak makes candles, ceramics, linen, knitwear and small-batch coffee in a workshop in the Peak District. Free returns within 30 days.",
  locale: "en-GB",
  /** Dates in emails and account pages are shown in the shop's time zone. */
  timeZone: "Europe/London",
  currency: "GBP",
  /** Networks offered as share links on product pages; each link carries utm_source=<network>. */
  shareNetworks: ["pinterest", "facebook", "x", "whatsapp", "email"] as const,
  /** Main navigation; a merchant orders and names these freely. */
  navigation: [
    { label: "Candles", href: "/collections/candles" },
    { label: "Ceramics", href: "/collections/ceramics" },
    { label: "Linen", href: "/collections/linen" },
    { label: "Knitwear", href: "/collections/knitwear" },
    { label: "Coffee", href: "/collections/coffee" },
    { label: "Gift sets", href: "/collections/gift-sets" },
  ],
  legalLinks: [{ label: "Privacy notice", href: "/privacy" }],
  /**
   * Variant options shoppers can filter collections by. Each becomes a URL parameter named
   * in lower case (?colour=Sand&size=M). Options not listed here are shown but not filterable.
   */
  filterableOptions: ["Colour", "Size", "Scent", "Roast"],
  /** Items per page on collection and search pages. */
  pageSize: 12,
  /** Stock at or under this number shows "Only N left". */
  lowStockThreshold: 5,
  /** Facts the privacy notice (/privacy) is generated from, with the purposes in lib/consent. */
  privacy: {
    /** How long order records are kept after the order (accounting law). */
    orderRetentionYears: 6,
    /** Companies that handle personal data for the shop, and for what. */
    processors: [
      { name: "Resend", purpose: "delivers our emails (order confirmations, sign-in links, newsletters)", location: "United States, under standard contractual clauses" },
      { name: "Our hosting provider", purpose: "runs this website and its database", location: "United Kingdom" },
    ],
    supervisoryAuthority: { name: "the Information Commissioner's Office", href: "https://ico.org.uk/make-a-complaint/" },
  },
} as const;

export type ShareNetwork = (typeof shopConfig.shareNetworks)[number];
