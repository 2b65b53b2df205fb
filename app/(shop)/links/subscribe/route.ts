import { z } from "zod";
import { siteUrl } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { readForm } from "@/lib/forms";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { signupProblemPath, startPlainFormSignup } from "@/lib/newsletter/plain-form";
import { newsletterSignupSchema } from "@/lib/validations/newsletter";

/*
 * The signup form on /links, a plain HTML form (the page has no JavaScript): the same double
 * opt-in, rate limits and wording as the footer's form, recorded with the source "links-page".
 * It answers like the footer's form, by sending the person on (303, so the browser follows
 * with a GET): to "check your inbox", or to /newsletter, which says what to fix.
 */

const goTo = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  // Only the shop's own page may post here: a form on another site must not sign up whoever
  // visits it (the origin is the configured one, never the request's Host header).
  if (!isSameOriginPost(request.headers, siteUrl())) {
    return errorResponse(new AppError("forbidden", "Sign up from the shop's own pages."));
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return errorResponse(new AppError("invalid", "This form could not be read. Please go back and try again."));
  }
  let parsed: ReturnType<typeof newsletterSignupSchema.safeParse>;
  try {
    parsed = newsletterSignupSchema.safeParse(readForm(newsletterSignupSchema, form));
  } catch {
    // A value no form field can hold (a file where text belongs) can throw inside a schema.
    return goTo(signupProblemPath(["email"]));
  }
  if (!parsed.success) return goTo(signupProblemPath(Object.keys(z.flattenError(parsed.error).fieldErrors)));
  // Whatever the (hidden) field says, this form is the link page's.
  return goTo(await startPlainFormSignup({ ...parsed.data, source: "links-page" }));
}
