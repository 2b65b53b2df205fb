import { z } from "zod";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { shopConfig } from "@/lib/shop-config";

/*
 * A campaign as the marketer writes it. Sizes are capped so a preview request or a saved draft
 * stays small (an email over ~100 KB is clipped by Gmail anyway).
 */

export const MAX_BODY_LENGTH = 50_000;
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_PREHEADER_LENGTH = 200;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const campaignIdSchema = z.string({ error: "That campaign was not found." }).trim().regex(uuid, "That campaign was not found.");

const topic = z.enum(newsletterTopicIds as [string, ...string[]], { error: "Choose the newsletter topic it is sent under." });
const preheader = z.string().trim().max(MAX_PREHEADER_LENGTH, `Keep the preheader under ${MAX_PREHEADER_LENGTH} characters.`).default("");
const body = z.string().max(MAX_BODY_LENGTH, `Keep the email under ${MAX_BODY_LENGTH.toLocaleString("en-GB")} characters.`).default("");

const campaignFields = {
  subject: z.string({ error: "Write a subject line." }).trim().min(1, "Write a subject line.").max(MAX_SUBJECT_LENGTH, `Keep the subject under ${MAX_SUBJECT_LENGTH} characters.`),
  preheader,
  topic,
  /** "" = everyone subscribed to the topic. */
  segmentId: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || uuid.test(v), "Choose a segment from the list.")
    .transform((v) => (v === "" ? null : v)),
  body,
};

export const createCampaignSchema = z.object(campaignFields);
export const updateCampaignSchema = z.object({ id: campaignIdSchema, ...campaignFields });
export const campaignActionSchema = z.object({ id: campaignIdSchema });
/** "Send a test to me": what the form holds now, saved or not. */
export const testCampaignSchema = z.object({ id: z.string().trim().max(40).default(""), ...campaignFields });

/** The live preview's request body: a draft may still have no subject. */
export const campaignPreviewSchema = z.object({
  subject: z.string().trim().max(MAX_SUBJECT_LENGTH, `Keep the subject under ${MAX_SUBJECT_LENGTH} characters.`).default(""),
  preheader,
  topic,
  body,
});

export type CampaignFormValues = { subject: string; preheader: string; topic: string; segmentId: string; body: string };

/**
 * The instant a wall-clock time ("2026-11-24T09:30") happens in `timeZone`. The offset is read
 * at the guessed instant and checked again, so a time just after a clock change lands right.
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(new Date(instant))
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}

/** The wall-clock time ("2026-11-24T09:30") of an instant in `timeZone`, for a datetime-local field. */
export function instantToZonedTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const YEAR = 366 * 24 * 3600 * 1000;

/** `now` is read when the form is checked, so a time a moment ago is refused. */
export const scheduleCampaignSchema = z.object({
  id: campaignIdSchema,
  sendAt: z
    .string({ error: "Choose when to send it." })
    .trim()
    .min(1, "Choose when to send it.")
    .transform((v, ctx) => {
      const at = zonedTimeToInstant(v, shopConfig.timeZone);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "Enter a date and time like 2026-11-24 09:30." });
        return z.NEVER;
      }
      const now = Date.now();
      if (at.getTime() <= now + 60_000) {
        ctx.addIssue({ code: "custom", message: "Choose a time in the future (at least a minute from now)." });
        return z.NEVER;
      }
      if (at.getTime() > now + YEAR) {
        ctx.addIssue({ code: "custom", message: "Choose a time within the next year." });
        return z.NEVER;
      }
      return at;
    }),
});
