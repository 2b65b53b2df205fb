"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSubscriber, setSubscriberTopics } from "@/db/queries/consent";
import { publicFormAction } from "@/lib/actions";
import { newsletterTopics } from "@/lib/consent/purposes";
import { AppError } from "@/lib/errors";
import { readSubscriberToken } from "@/lib/newsletter/links";
import { tokenCheckOrThrow } from "@/lib/privacy/rate-limit";
import { topicPreferencesSchema } from "@/lib/validations/newsletter";

const preferencesSchema = topicPreferencesSchema.extend({ token: z.string().max(2048), intent: z.enum(["save", "unsubscribe"]).default("save") });

/** The signed token in the form is the only credential: it names one subscriber. */
export const updatePreferencesAction = publicFormAction(preferencesSchema, async (input) => {
  const subscriberId = readSubscriberToken("preferences", input.token);
  const subscriber = (await tokenCheckOrThrow(subscriberId !== null)) && subscriberId ? await getSubscriber(subscriberId) : null;
  if (!subscriber) throw new AppError("not_found", "This preferences link is not valid, so nothing was changed.");
  const record = input as Record<string, unknown>;
  const { changed } = await setSubscriberTopics(
    subscriber.id,
    newsletterTopics.map((t) => ({
      purpose: t.id,
      granted: input.intent === "save" && record[t.id] === true,
      wordingId: t.wordingId,
      source: "preferences-page",
      method: "preference_page" as const,
    })),
  );
  revalidatePath(`/preferences/${input.token}`);
  return { changed, unsubscribed: input.intent === "unsubscribe" };
});
