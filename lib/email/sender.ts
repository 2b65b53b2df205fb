import { getEnv } from "@/lib/env";

/*
 * Whose name is on the From line is the merchant's (in /admin/settings); which domain it is sent
 * from is the deployment's: the provider delivers only from a domain verified with it, and
 * EMAIL_FROM names one. A sender address on another domain (a typo in the admin, or the demo's
 * address on a real deployment) would stop every email, sign-in links included, and lock the
 * merchant out of the admin that could fix it. So such an address is refused when saved, and
 * at send time EMAIL_FROM's address is used instead.
 */

function mailbox(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  return match ? { name: match[1]!.replace(/^"|"$/g, ""), address: match[2]! } : { name: "", address: value.trim() };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

const emailFrom = () => getEnv().EMAIL_FROM;

/** The domain email may be sent from (EMAIL_FROM's). */
export function verifiedSenderDomain(from = emailFrom()): string {
  return domainOf(mailbox(from).address);
}

export function senderAddressAllowed(address: string, from = emailFrom()): boolean {
  return domainOf(address) === verifiedSenderDomain(from);
}

/** The From header for the saved sender name and address. */
export function fromHeader(sender: { senderName: string; senderEmail: string }, from = emailFrom()): string {
  const address = senderAddressAllowed(sender.senderEmail, from) ? sender.senderEmail : mailbox(from).address;
  return `${sender.senderName} <${address}>`;
}
