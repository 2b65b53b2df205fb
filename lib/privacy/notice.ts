import { SESSION_COOKIE, SESSION_MAX_AGE_DAYS, SIGN_IN_LINK_MINUTES } from "@/lib/auth/constants";
import { CART_COOKIE, CART_COOKIE_DAYS, CART_COUNT_COOKIE } from "@/lib/cart/cookies";
import { LANDING_COOKIE } from "@/lib/attribution/landing";
import { BACK_IN_STOCK_CONFIRMATION_DAYS } from "@/lib/back-in-stock/wording";
import { consentPurposes } from "@/lib/consent/purposes";
import { formatRetentionPeriod, retentionRule } from "@/lib/privacy/retention";
import { shopConfig } from "@/lib/shop-config";

/*
 * What the shop really collects, in the shopper's words: the source of the privacy notice at
 * /privacy. Each entry points at the code that does the collecting, so a change there has an
 * obvious place to be described here.
 */

export type CollectedData = { what: string; why: string; basis: string; kept: string };

const { privacy } = shopConfig;

export const collectedData: CollectedData[] = [
  {
    what: "Your order: email address, name, delivery address, what you bought and what you paid",
    why: "To deliver your order, send you its confirmation and status, and keep the accounts the law requires.",
    basis: "Needed for our contract with you, and a legal obligation (accounting).",
    kept: `${privacy.orderRetentionYears} years after the order. If you delete your account earlier, the order is kept without your name, email or address.`,
  },
  {
    what: "Your account: email address, name, saved addresses, saved cart",
    why: "So you can sign in, see your orders and check out faster.",
    basis: "Needed for our contract with you (you created the account).",
    kept: "Until you delete your account, which you can do yourself at any time.",
  },
  {
    what: "Your signed-in sessions: a device summary such as “Firefox on Android”, when you signed in and when you were last seen",
    why: "To keep you signed in, and so you can see and end sessions on other devices.",
    basis: "Needed for our contract with you.",
    kept: `Until you sign out, or ${SESSION_MAX_AGE_DAYS} days without a visit. Sign-in links work once, for ${SIGN_IN_LINK_MINUTES} minutes.`,
  },
  {
    what: "A record of each email we send you: date, subject and why we sent it",
    why: "So we can show you exactly what we sent and why, and prove we only sent what you asked for.",
    basis: "Legitimate interest (accountability), and your right to see it.",
    kept: `${formatRetentionPeriod(retentionRule("email-log").period)}.`,
  },
  {
    what: "Your consent choices: what you agreed to or withdrew, the exact wording you saw, where and when",
    why: "So we only email or personalise when you have said yes, and can prove it.",
    basis: "Legal obligation (proof of consent).",
    kept: "While the choice applies; erased with your account.",
  },
  {
    what: "“Email me when it's back” requests: your email address, which product option, the wording you saw, and when you asked and confirmed",
    why: "To send the one email you asked for when that option is back in stock. It is not a newsletter subscription.",
    basis: "Your consent, given on the product page (and confirmed by the emailed link if you were not signed in).",
    kept: `Until that one email is sent: then we forget your address. An unconfirmed request lapses after ${BACK_IN_STOCK_CONFIRMATION_DAYS} days.`,
  },
  {
    what: "Visits, counted without cookies: the page, the site or campaign tags (utm_…) you arrived with, phone/tablet/desktop, and a code that changes every day",
    why: "To know how many people visit and which posts bring them. The daily code is a one-way scramble of a random value, your network address and browser; the random value is deleted after 48 hours, so nobody, us included, can tell that two days' visits were yours or link a visit to you.",
    basis: "Legitimate interest (knowing whether the shop works). Your browser's Global Privacy Control or Do Not Track setting turns it off completely: such visits are not counted at all.",
    kept: "See “How long we keep things” below.",
  },
  {
    what: "Where your visit came from (a campaign's name such as “instagram, spring”), stored with a newsletter signup or an order",
    why: "So we can see which posts bring subscribers and orders, without following you anywhere else.",
    basis: "Legitimate interest. Not recorded if your browser sends Global Privacy Control or Do Not Track.",
    kept: "As long as the signup or order it belongs to.",
  },
  {
    what: "A scrambled fingerprint (keyed hash) of your network address and email address when you sign up, ask for a sign-in link, check out, try a discount code or open one of our emailed links that does not work",
    why: "To stop someone signing up strangers, flooding inboxes, placing junk orders or guessing codes and links. We never store your IP address itself.",
    basis: "Legitimate interest (preventing abuse).",
    kept: `${formatRetentionPeriod(retentionRule("rate-limit-hits").period)}.`,
  },
];

/**
 * Newsletter link clicks (lib/marketing/click-links.ts): always counted per link; per reader
 * only when the shop has turned that on in its settings, and then this says so.
 */
export function newsletterClickData(individual: boolean): CollectedData {
  return individual
    ? {
        what: "Which links you click in our newsletters, and when you first clicked one",
        why: "To learn which stories and products interest our readers. Links go through our own site first; nothing is shared with anyone.",
        basis: "Legitimate interest (knowing what our readers find useful). You can object by writing to us, or unsubscribe.",
        kept: "As long as you are subscribed; deleted with your subscription.",
      }
    : {
        what: "Clicks on links in our newsletters, counted per link",
        why: "To learn which stories interest readers. We count how many times each link was clicked; we do not record who clicked.",
        basis: "Legitimate interest. No personal data is kept.",
        kept: "As long as the campaign's figures are kept.",
      };
}

/** Every cookie the shop sets. None is set while you only browse, unless you arrived from a tagged link or another site. */
export const cookiesUsed = [
  { name: CART_COOKIE, purpose: "Remembers your cart (a random number, nothing about you).", kept: `${CART_COOKIE_DAYS} days` },
  { name: CART_COUNT_COOKIE, purpose: "Shows how many items are in your cart in the header.", kept: `${CART_COOKIE_DAYS} days` },
  { name: SESSION_COOKIE, purpose: "Keeps you signed in.", kept: `${SESSION_MAX_AGE_DAYS} days, or until you sign out` },
  {
    name: LANDING_COOKIE,
    purpose:
      "Set only when you arrive from a post's link, a campaign-tagged link or another site, and never if your browser sends Global Privacy Control or Do Not Track: it holds that source's name (like “instagram, spring”), the same for everyone who followed it, so a newsletter signup or order can say which post it came from. Nothing about you.",
    kept: "Until you close the browser",
  },
  { name: "authjs.csrf-token, authjs.callback-url", purpose: "Protect the sign-in form and bring you back to the page you were on.", kept: "Until you close the browser" },
];

export const optionalUses = consentPurposes;

/** Where each right is used; the contact address is the shop's (its settings). */
export const rightsFor = (contactEmail: string) => [
  { right: "See and download your data", where: "Privacy centre → Download my data", href: "/account/privacy" },
  { right: "Correct your data", where: "Account → Profile and Addresses", href: "/account/profile" },
  { right: "Delete your account and data", where: "Privacy centre → Delete my account", href: "/account/privacy/delete" },
  { right: "Withdraw a consent, as easily as you gave it", where: "Privacy centre switches, the link in every email, or your email app's Unsubscribe button", href: "/account/privacy" },
  { right: "Ask us anything, or object to how we use your data", where: `Email ${contactEmail}`, href: `mailto:${contactEmail}` },
];
