"use server";

import { updateShopSettings } from "@/db/queries/settings";
import { adminAction } from "@/lib/actions";
import { senderAddressAllowed, verifiedSenderDomain } from "@/lib/email/sender";
import { AppError } from "@/lib/errors";
import { expireShopSettings } from "@/lib/settings/cached";
import { changedFields } from "@/lib/settings/changes";
import { shopSettingsSchema } from "@/lib/validations/settings";

export const updateShopSettingsAction = adminAction("settings:write", shopSettingsSchema, async (input, { tx }) => {
  if (!senderAddressAllowed(input.senderEmail)) {
    const domain = verifiedSenderDomain();
    throw new AppError("invalid", "Please check the highlighted fields.", { senderEmail: [`Use an address at ${domain}: it is the domain this shop is set up to send email from (EMAIL_FROM).`] });
  }
  const { before, after } = await updateShopSettings(tx, input);
  const changes = changedFields(before, after);
  // The stored basis points say it already; the fraction is derived from them.
  delete changes.before.taxRate;
  delete changes.after.taxRate;
  const names = Object.keys(changes.after);
  return {
    data: { changed: names },
    audit: {
      action: "settings.update",
      entityType: "settings",
      entityId: "shop",
      summary: names.length ? `Changed shop settings: ${names.join(", ")}` : "Saved shop settings without changes",
      before: changes.before,
      after: changes.after,
    },
    message: names.length ? "Settings saved. The shop shows them now." : "Nothing had changed.",
    afterCommit: names.length ? expireShopSettings : undefined,
  };
});
