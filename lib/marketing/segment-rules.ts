import { z } from "zod";
import { newsletterTopicIds } from "@/lib/consent/purposes";

/*
 * What a segment may say about people. Rules narrow an audience; they can never widen it past
 * the people with an active grant for the campaign's topic who are not suppressed — that rule
 * lives in the audience query (db/queries/audience.ts), not here.
 *
 * Purchase rules read order history, so they only ever match people who granted
 * `personalisation` (the query enforces that too).
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-03");

export const segmentRulesSchema = z
  .object({
    /** Also subscribed to every one of these topics. */
    topics: z.array(z.enum(newsletterTopicIds as [string, ...string[]])).max(10).default([]),
    /** Signed up through one of these sources (footer, links-page, utm:instagram…); empty: any. */
    sources: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
    signedUpFrom: day.optional(),
    signedUpTo: day.optional(),
    purchase: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("has-ordered") }),
        z.object({ kind: z.literal("not-ordered-in-days"), days: z.coerce.number().int().min(1).max(3650) }),
        z.object({ kind: z.literal("bought-from-collection"), collectionId: z.coerce.number().int().positive() }),
      ])
      .optional(),
  })
  .strict()
  .refine((r) => !r.signedUpFrom || !r.signedUpTo || r.signedUpFrom <= r.signedUpTo, { message: "The signup period ends before it starts", path: ["signedUpTo"] });

export type SegmentRules = z.infer<typeof segmentRulesSchema>;

export const emptyRules: SegmentRules = { topics: [], sources: [] };

/** Rules stored in the database, read defensively: anything unreadable matches nobody extra. */
export function parseStoredRules(value: unknown): SegmentRules {
  const parsed = segmentRulesSchema.safeParse(value);
  if (!parsed.success) throw new Error("A saved segment has rules this version cannot read");
  return parsed.data;
}

export function usesPurchaseHistory(rules: SegmentRules): boolean {
  return Boolean(rules.purchase);
}
