import { z } from "zod";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { segmentRulesSchema, type SegmentRules } from "@/lib/marketing/segment-rules";

/*
 * The segment editor's fields, flat as a form posts them (and as the live count's query string
 * carries them), turned into the SegmentRules the audience query reads. Errors are keyed by
 * the form's field names so each shows beside its control.
 */

export const purchaseKinds = ["none", "has-ordered", "not-ordered-in-days", "bought-from-collection"] as const;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const segmentIdSchema = z.string({ error: "That segment was not found." }).trim().regex(uuid, "That segment was not found.");

const optionalDay = z
  .string()
  .trim()
  .max(10, "Enter a date like 2026-11-03.")
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())), "Enter a date like 2026-11-03.")
  .default("");

/** A source as the consent ledger records it: footer, links-page, utm:instagram… */
const sourcePattern = /^[a-z0-9][a-z0-9:._-]{0,79}$/i;

const ruleFields = {
  topics: z.array(z.enum(newsletterTopicIds as [string, ...string[]], { error: "Choose topics from the list." })).max(10).default([]),
  sources: z.array(z.string().trim().regex(sourcePattern, "Choose sources from the list.")).max(20, "Choose at most 20 sources.").default([]),
  otherSources: z.string().trim().max(400, "Keep the other sources under 400 characters.").default(""),
  signedUpFrom: optionalDay,
  signedUpTo: optionalDay,
  purchase: z.enum(purchaseKinds, { error: "Choose a purchase rule from the list." }).default("none"),
  purchaseDays: z.string().trim().max(10).default(""),
  purchaseCollectionId: z.string().trim().max(12).default(""),
};

type RuleFields = { topics: string[]; sources: string[]; otherSources: string; signedUpFrom: string; signedUpTo: string; purchase: (typeof purchaseKinds)[number]; purchaseDays: string; purchaseCollectionId: string };

function otherSourcesOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkRules(d: RuleFields, ctx: z.RefinementCtx) {
  const others = otherSourcesOf(d.otherSources);
  if (others.some((s) => !sourcePattern.test(s))) {
    ctx.addIssue({ code: "custom", path: ["otherSources"], message: "Write sources as the ledger records them, separated by commas: letters, numbers, and : . _ - (like utm:instagram)." });
  }
  if (new Set([...d.sources, ...others]).size > 20) ctx.addIssue({ code: "custom", path: ["otherSources"], message: "Choose at most 20 sources in all." });
  if (d.signedUpFrom && d.signedUpTo && d.signedUpFrom > d.signedUpTo) ctx.addIssue({ code: "custom", path: ["signedUpTo"], message: "The signup period ends before it starts." });
  if (d.purchase === "not-ordered-in-days" && !(/^\d{1,4}$/.test(d.purchaseDays) && Number(d.purchaseDays) >= 1 && Number(d.purchaseDays) <= 3650)) {
    ctx.addIssue({ code: "custom", path: ["purchaseDays"], message: "Enter a number of days from 1 to 3650." });
  }
  if (d.purchase === "bought-from-collection" && !/^[1-9]\d{0,8}$/.test(d.purchaseCollectionId)) {
    ctx.addIssue({ code: "custom", path: ["purchaseCollectionId"], message: "Choose a collection." });
  }
}

/** The rules the fields describe (already checked by checkRules). */
function toRules(d: RuleFields): SegmentRules {
  const purchase =
    d.purchase === "has-ordered"
      ? { kind: "has-ordered" as const }
      : d.purchase === "not-ordered-in-days"
        ? { kind: "not-ordered-in-days" as const, days: Number(d.purchaseDays) }
        : d.purchase === "bought-from-collection"
          ? { kind: "bought-from-collection" as const, collectionId: Number(d.purchaseCollectionId) }
          : undefined;
  return segmentRulesSchema.parse({
    topics: [...new Set(d.topics)],
    sources: [...new Set([...d.sources, ...otherSourcesOf(d.otherSources)])],
    ...(d.signedUpFrom ? { signedUpFrom: d.signedUpFrom } : {}),
    ...(d.signedUpTo ? { signedUpTo: d.signedUpTo } : {}),
    ...(purchase ? { purchase } : {}),
  });
}

const name = z.string({ error: "Give the segment a name." }).trim().min(1, "Give the segment a name.").max(120, "Keep the name under 120 characters.");

export const segmentFormSchema = z
  .object({ name, ...ruleFields })
  .superRefine(checkRules)
  .transform((d) => ({ name: d.name, rules: toRules(d) }));

export const updateSegmentSchema = z
  .object({ id: segmentIdSchema, name, ...ruleFields })
  .superRefine(checkRules)
  .transform((d) => ({ id: d.id, name: d.name, rules: toRules(d) }));

export const deleteSegmentSchema = z.object({ id: segmentIdSchema });

/** The live count's query string: the editor's rule fields, and optionally one topic to count for. */
export const segmentCountQuerySchema = z
  .object({ topic: z.enum(newsletterTopicIds as [string, ...string[]]).optional(), ...ruleFields })
  .superRefine(checkRules)
  .transform((d) => ({ topic: d.topic, rules: toRules(d) }));

/** A saved segment's rules as the editor's fields (the inverse of toRules). */
export type SegmentFormValues = RuleFields & { name: string };

export function segmentFormValues(name: string, rules: SegmentRules, knownSources: readonly string[]): SegmentFormValues {
  return {
    name,
    topics: rules.topics,
    sources: rules.sources.filter((s) => knownSources.includes(s)),
    otherSources: rules.sources.filter((s) => !knownSources.includes(s)).join(", "),
    signedUpFrom: rules.signedUpFrom ?? "",
    signedUpTo: rules.signedUpTo ?? "",
    purchase: rules.purchase?.kind ?? "none",
    purchaseDays: rules.purchase?.kind === "not-ordered-in-days" ? String(rules.purchase.days) : "90",
    purchaseCollectionId: rules.purchase?.kind === "bought-from-collection" ? String(rules.purchase.collectionId) : "",
  };
}
