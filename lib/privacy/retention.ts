import { SESSION_MAX_AGE_DAYS, SIGN_IN_LINK_MINUTES } from "@/lib/auth/constants";
import { BACK_IN_STOCK_CONFIRMATION_DAYS } from "@/lib/back-in-stock/wording";
import { CART_COOKIE_DAYS } from "@/lib/cart/cookies";
import { CONFIRMATION_HOURS } from "@/lib/newsletter/confirmation";

/*
 * How long the shop keeps what it does not need forever: the one place for every retention
 * period. The daily `retention` job (lib/jobs/worker.ts, or `npm run retention`) deletes what
 * is past its period with the statements in db/queries/retention.ts, one per rule here, and the
 * privacy notice (/privacy, "How long we keep things") is rendered from this same list, so what
 * shoppers read is what the job does.
 *
 * Never here, on purpose: orders (kept for the accounting years, see shopConfig.privacy), the
 * consent ledger (proof of consent; append-only, a trigger refuses deletes), suppressions (an
 * address must stay unmailable) and the audit log (append-only evidence of staff actions).
 */

export type RetentionUnit = "minutes" | "hours" | "days" | "months";
export type RetentionPeriod = { amount: number; unit: RetentionUnit };

export type RetentionRule = {
  id: string;
  /** The table rows are deleted from (rows that belong to them go with them). */
  table: string;
  /** What a row is, for operators reading the job's log. */
  covers: string;
  period: RetentionPeriod;
  /** Shopper's words: what is kept ("Counted page visits: …"). */
  what: string;
  /** Shopper's words: from when the period counts ("after the visit"). */
  after: string;
};

/**
 * Counted visits and link clicks: 13 months, so a month can be compared with the same month a
 * year before (a candle shop's December against last December) with a month's margin for the
 * report's range; older counts answer no question a merchant asks of this page.
 */
const ANALYTICS_MONTHS = 13;

/**
 * A provider retries a webhook delivery under the same id for about a day, and a person can
 * resend one from the provider's dashboard later: a receipt is kept a month so that a replay
 * (a bounce applied twice would withdraw a newer subscription again) is still recognised. The
 * signature's own timestamp check refuses anything older than 5 minutes that was not re-signed.
 */
const WEBHOOK_RECEIPT_DAYS = 30;

/** What the privacy notice has always promised for the record of emails sent. */
const EMAIL_LOG_MONTHS = 24;

/**
 * Rate-limit hits are kept as long as the longest window any limit reads (a day: sign-ups and
 * back-in-stock requests per address per day; every limit is in lib/privacy/abuse-limits.ts); checkRateLimit refuses a longer window, so a
 * new limit cannot silently count against hits this job has already deleted.
 */
export const RATE_LIMIT_KEPT_MINUTES = 24 * 60;

export const retentionRules = [
  {
    id: "page-views",
    table: "page_views",
    covers: "counted page views (cookieless analytics)",
    period: { amount: ANALYTICS_MONTHS, unit: "months" },
    what: "Counted page visits (which page, the site you came from, the kind of device and the country, with a code that changes every day and cannot be traced back to you)",
    after: "after the visit",
  },
  {
    id: "link-clicks",
    table: "link_clicks",
    covers: "counted clicks on tracked short links (/go/…)",
    period: { amount: ANALYTICS_MONTHS, unit: "months" },
    what: "Counted clicks on our short links from social posts (counted like page visits)",
    after: "after the click",
  },
  {
    id: "analytics-salts",
    table: "analytics_salts",
    covers: "the daily random salt of the visitor hash",
    period: { amount: 48, unit: "hours" },
    what: "The day's random code that makes visit counting anonymous; once it is gone, nobody, us included, can link a visit to you or to your other days",
    after: "after its day began",
  },
  {
    id: "sessions",
    table: "sessions",
    covers: "expired sign-in sessions",
    period: { amount: SESSION_MAX_AGE_DAYS, unit: "days" },
    what: "Signed-in sessions (a device summary and dates)",
    after: "without a visit, when the session has ended",
  },
  {
    id: "sign-in-links",
    table: "verification_tokens",
    covers: "unused, expired magic sign-in links",
    period: { amount: SIGN_IN_LINK_MINUTES, unit: "minutes" },
    what: "Sign-in links that were never used",
    after: "after we send them, when they stop working",
  },
  {
    id: "newsletter-confirmations",
    table: "newsletter_confirmations",
    covers: "expired double opt-in links (used or not); the subscriber and the consent ledger are kept",
    period: { amount: CONFIRMATION_HOURS, unit: "hours" },
    what: "Newsletter confirmation links (a scrambled copy of the link and the topics you chose); our record of your request stays in the consent history",
    after: "after we send them, when they stop working",
  },
  {
    id: "back-in-stock-unconfirmed",
    table: "back_in_stock_requests",
    covers: "guests' back-in-stock requests never confirmed before their link expired",
    period: { amount: BACK_IN_STOCK_CONFIRMATION_DAYS, unit: "days" },
    what: "“Email me when it's back” requests that were never confirmed, with their email address",
    after: "after the request, when its confirmation link stops working",
  },
  {
    id: "guest-carts",
    table: "carts",
    covers: "guest carts (no account) not changed since the cart cookie ran out",
    period: { amount: CART_COOKIE_DAYS, unit: "days" },
    what: "Carts of shoppers who were not signed in",
    after: "after the cart was last changed (its cookie has run out by then, so nobody can open it)",
  },
  {
    id: "rate-limit-hits",
    table: "rate_limit_hits",
    covers: "abuse-limit counts (keyed hashes of addresses and network addresses)",
    period: { amount: RATE_LIMIT_KEPT_MINUTES / 60, unit: "hours" },
    what: "Scrambled fingerprints of your email and network address, kept to stop anyone flooding inboxes or guessing codes and links",
    after: "after you sign up, ask for a link, check out or try a code",
  },
  {
    id: "webhook-receipts",
    table: "webhook_receipts",
    covers: "ids of email-provider webhook deliveries already applied (replay guard)",
    period: { amount: WEBHOOK_RECEIPT_DAYS, unit: "days" },
    what: "Delivery reports from our email provider that we have already handled (their ids only, nothing about you)",
    after: "after they arrive",
  },
  {
    id: "email-log",
    table: "email_messages",
    covers: "the record of each email sent (address, subject, why)",
    period: { amount: EMAIL_LOG_MONTHS, unit: "months" },
    what: "The record of each email we send you (date, subject and why we sent it)",
    after: "after the email was sent",
  },
] as const satisfies readonly RetentionRule[];

export type RetentionRuleId = (typeof retentionRules)[number]["id"];

export function retentionRule(id: RetentionRuleId): RetentionRule {
  return retentionRules.find((r) => r.id === id)!;
}

const unitWords: Record<RetentionUnit, [one: string, many: string]> = {
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
  months: ["month", "months"],
};

/** "13 months", "48 hours", "1 day". */
export function formatRetentionPeriod({ amount, unit }: RetentionPeriod): string {
  const [one, many] = unitWords[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}
