"use server";

import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { recordConsentChange } from "@/db/queries/consent";
import { userFormAction } from "@/lib/actions";
import { findPurpose } from "@/lib/consent/purposes";
import { clientKey } from "@/lib/privacy/rate-limit";
import { keyedHash } from "@/lib/signed-token";

/**
 * "Turn personalisation off" inside a suggestion's "Why am I seeing this?" panel: the off
 * switch where the personal data is used, as easy as the privacy centre's. It records a
 * withdrawal in the consent ledger (source `recommendation`, so the history says where), and
 * the page re-renders with non-personal suggestions. Pressing it twice records nothing new.
 * It sends no state: this button can only turn personalisation off, never on.
 */
export const turnOffPersonalisationAction = userFormAction(z.object({}), async (_input, user) => {
  const purpose = findPurpose("personalisation")!;
  const result = await recordConsentChange(
    { userId: user.id },
    { purpose: purpose.id, granted: false, wordingId: purpose.wordingId, source: "recommendation", method: "suggestion_panel", clientHash: keyedHash("client", await clientKey()) },
  );
  revalidatePath("/account/privacy");
  // The page the button was on (a product, the cart, the account) shows the new state; its
  // cached catalogue parts stay cached.
  refresh();
  return { changed: result.changed };
});
