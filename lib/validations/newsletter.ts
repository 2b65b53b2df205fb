import { z } from "zod";
import { newsletterTopicIds, newsletterTopics, signupSources, type NewsletterTopicId } from "@/lib/consent/purposes";
import { emailSchema } from "./address";

const ticked = z
  .literal("yes")
  .optional()
  .transform((v) => v === "yes");

const topicShape = Object.fromEntries(newsletterTopics.map((t) => [t.id, ticked])) as Record<NewsletterTopicId, typeof ticked>;

/** One checkbox per topic, named by the topic id; none is ticked until the person ticks it. */
export const newsletterSignupSchema = z
  .object({
    email: emailSchema,
    source: z.enum(signupSources, { error: "Please reload the page and try again." }),
    ...topicShape,
  })
  .transform((input, ctx) => {
    const record = input as Record<string, unknown>;
    const topics = newsletterTopicIds.filter((id) => record[id] === true);
    if (topics.length === 0) {
      ctx.addIssue({ code: "custom", path: ["topics"], message: "Choose at least one kind of email." });
      return z.NEVER;
    }
    return { email: input.email, source: input.source, topics };
  });

export const topicPreferencesSchema = z.object(topicShape);
