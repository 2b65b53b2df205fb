import { z } from "zod";
import { siteUrl } from "@/lib/env";
import { checkDestination, DEFAULT_UTM_MEDIUM, OTHER_DESTINATION, isTrackedLinkSlug, suggestSlug, UTM_LABEL, UTM_NAME } from "@/lib/links/tracked-links";

/*
 * The tracked-link forms as they post. The destination comes from a picker (a product, a
 * collection, the home page, /links) or, with "other", from a typed path; either way it is
 * checked by checkDestination so it stays on the shop. Errors are keyed by the form's field
 * names so each shows beside its control.
 */

export { OTHER_DESTINATION };

const SLUG_MESSAGE = "Use lower-case letters a–z, digits and hyphens (up to 63), starting with a letter or digit.";

const text = (max: number) => z.string().trim().max(max).default("");

/** A destination field: the picker's "other", or a path checkDestination accepts (with its message if not). */
const destinationValue = (allowOther: boolean) =>
  z
    .string({ error: "Choose where the link goes." })
    .trim()
    .max(600, "Keep the destination under 500 characters.")
    .superRefine((value, ctx) => {
      if (value === "" || (allowOther && value === OTHER_DESTINATION)) return;
      const check = checkDestination(value, siteUrl());
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
    });

// Checked field by field (not only once the whole form parses) so every error shows at once.
const destinationFields = {
  destination: destinationValue(true).refine((v) => v !== "", "Choose where the link goes."),
  destinationPath: destinationValue(false).default(""),
};

const utmSource = z
  .string({ error: "Say where the link will be posted, e.g. instagram." })
  .trim()
  .toLowerCase()
  .min(1, "Say where the link will be posted, e.g. instagram.")
  // Only once there is something to check: an empty field has the one message above.
  .refine((v) => v === "" || UTM_NAME.test(v), "Use lower-case letters, digits and . _ - (up to 60), e.g. instagram.");
const utmMedium = z
  .string()
  .trim()
  .toLowerCase()
  .default(DEFAULT_UTM_MEDIUM)
  .transform((v) => v || DEFAULT_UTM_MEDIUM)
  .pipe(z.string().regex(UTM_NAME, "Use lower-case letters, digits and . _ - (up to 60), e.g. social."));
const utmCampaign = z
  .string({ error: "Name the campaign, e.g. autumn-candles." })
  .trim()
  .min(1, "Name the campaign, e.g. autumn-candles.")
  .refine((v) => v === "" || UTM_LABEL.test(v), "Use letters, digits, spaces and . _ + - (up to 100).");
const utmContent = text(100).refine((v) => v === "" || UTM_LABEL.test(v), "Use letters, digits, spaces and . _ + - (up to 100).");
const label = text(200).refine((v) => v.length <= 160, "Keep the label under 160 characters.");

type DestinationInput = { destination: string; destinationPath: string };

/** The stored path the picker or the typed path names (each already checked), or an issue on the field to fix. */
function resolveDestination(d: DestinationInput, ctx: z.RefinementCtx): string {
  const typed = d.destination === OTHER_DESTINATION;
  const check = checkDestination(typed ? d.destinationPath : d.destination, siteUrl());
  if (!check.ok) {
    ctx.addIssue({ code: "custom", path: [typed ? "destinationPath" : "destination"], message: typed && !d.destinationPath ? "Type the path of the page, such as /collections/candles." : check.message });
    return z.NEVER;
  }
  return check.path;
}

export const createTrackedLinkSchema = z
  .object({
    ...destinationFields,
    utmSource,
    utmMedium,
    utmCampaign,
    utmContent,
    label,
    slug: text(200)
      .transform((v) => v.toLowerCase())
      .refine((v) => v === "" || isTrackedLinkSlug(v), SLUG_MESSAGE),
  })
  .transform((d, ctx) => {
    const destination = resolveDestination(d, ctx);
    // Left empty: the one the form would have suggested.
    const slug = d.slug || suggestSlug(d.utmCampaign, d.label);
    if (!isTrackedLinkSlug(slug)) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: SLUG_MESSAGE });
      return z.NEVER;
    }
    return { destination, slug, label: d.label, utm: { source: d.utmSource, medium: d.utmMedium, campaign: d.utmCampaign, content: d.utmContent || null } };
  });

export type CreateTrackedLinkInput = z.infer<typeof createTrackedLinkSchema>;

export const trackedLinkIdSchema = z.coerce.number({ error: "That link was not found." }).int("That link was not found.").min(1, "That link was not found.").max(2_147_483_647, "That link was not found.");

/** Label and destination only: the slug and the UTM parameters are fixed once the link exists. */
export const updateTrackedLinkSchema = z
  .object({ id: trackedLinkIdSchema, ...destinationFields, label })
  .transform((d, ctx) => ({ id: d.id, destination: resolveDestination(d, ctx), label: d.label }));

export const archiveTrackedLinkSchema = z.object({
  id: trackedLinkIdSchema,
  archived: z.enum(["1", "0"], { error: "Say whether to archive the link." }).transform((v) => v === "1"),
});
