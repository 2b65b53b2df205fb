import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

/** "10% off" or "£5.00 off": how staff read a code's terms. */
export function describeDiscountValue(d: { kind: "percent" | "fixed"; value: number; currency: string }): string {
  return d.kind === "percent" ? `${d.value}% off` : `${formatMoney({ amount: d.value, currency: d.currency })} off`;
}

/** "From 1 Dec 2026 to 31 Dec 2026", "Until 31 Dec 2026", "Always". The end is exclusive (midnight after the last day). */
export function describeValidity(d: { startsAt: Date | null; expiresAt: Date | null }): string {
  const last = d.expiresAt ? formatDate(new Date(d.expiresAt.getTime() - 1)) : null;
  if (d.startsAt && last) return `${formatDate(d.startsAt)} – ${last}`;
  if (d.startsAt) return `From ${formatDate(d.startsAt)}`;
  if (last) return `Until ${last}`;
  return "No dates";
}

/** Whether shoppers can use it right now, and if not, why, in one word or two. */
export function discountStatus(d: { active: boolean; startsAt: Date | null; expiresAt: Date | null; usageLimit: number | null; uses: number }, now = new Date()) {
  if (!d.active) return { label: "Disabled", tone: "neutral" as const };
  if (d.expiresAt && d.expiresAt <= now) return { label: "Ended", tone: "neutral" as const };
  if (d.startsAt && d.startsAt > now) return { label: "Scheduled", tone: "accent" as const };
  if (d.usageLimit !== null && d.uses >= d.usageLimit) return { label: "Used up", tone: "warning" as const };
  return { label: "Active", tone: "success" as const };
}
