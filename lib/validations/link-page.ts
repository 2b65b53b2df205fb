import { z } from "zod";
import { linkKinds } from "@/db/schema/link-page";
import { MAX_INTRO_LENGTH, MAX_LABEL_LENGTH, normaliseLinkUrl } from "@/lib/link-page/rules";
import { lineText } from "./address";

/*
 * The link page editor's forms (/admin/marketing/link-page). Every error is keyed by the
 * field it belongs to, so each shows beside its control.
 */

const recordId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, message);

const optionalId = z.string().trim().max(12).default("");

export const linkPageIntroSchema = z.object({
  intro: z
    .string({ error: "Write a short introduction." })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(MAX_INTRO_LENGTH, `Keep the introduction to ${MAX_INTRO_LENGTH} characters.`)
        // Plain text in one short paragraph: line breaks are folded into spaces where it is shown.
        .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), "Remove the unusual characters from the introduction."),
    ),
});

export type NewLink =
  | { kind: "product"; productId: number; label: string }
  | { kind: "collection"; collectionId: number; label: string }
  | { kind: "newsletter"; label: string }
  | { kind: "url"; url: string; label: string };

export const addLinkSchema = z
  .object({
    kind: z.enum(linkKinds, { error: "Choose what the link points to." }),
    productId: optionalId,
    collectionId: optionalId,
    url: z.string().max(2000, "That address is too long.").default(""),
    label: lineText(MAX_LABEL_LENGTH, `Keep the label to ${MAX_LABEL_LENGTH} characters.`).default(""),
  })
  .transform((input, ctx): NewLink => {
    const id = (value: string) => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);
    switch (input.kind) {
      case "product": {
        const productId = id(input.productId);
        if (productId === null) {
          ctx.addIssue({ code: "custom", path: ["productId"], message: "Choose a product." });
          return z.NEVER;
        }
        return { kind: "product", productId, label: input.label };
      }
      case "collection": {
        const collectionId = id(input.collectionId);
        if (collectionId === null) {
          ctx.addIssue({ code: "custom", path: ["collectionId"], message: "Choose a collection." });
          return z.NEVER;
        }
        return { kind: "collection", collectionId, label: input.label };
      }
      case "newsletter":
        return { kind: "newsletter", label: input.label };
      case "url": {
        const url = normaliseLinkUrl(input.url);
        if (url === null) ctx.addIssue({ code: "custom", path: ["url"], message: "Enter a full address starting with https:// (or http://), or a page of this shop starting with /." });
        if (input.label === "") ctx.addIssue({ code: "custom", path: ["label"], message: "Give the link a label, e.g. “Workshop open day”." });
        if (url === null || input.label === "") return z.NEVER;
        return { kind: "url", url, label: input.label };
      }
    }
  });

export const moveLinkSchema = z.object({
  id: recordId("That link was not found. Reload the page."),
  direction: z.enum(["up", "down"], { error: "Reload the page and try again." }),
  neighbourId: recordId("Reload the page and try again."),
});

export const removeLinkSchema = z.object({ id: recordId("That link was not found. Reload the page.") });
