import { NextRequest } from "next/server";
import { deleteSessionByToken } from "@/db/queries/accounts";
import { handlers } from "@/lib/auth/config";
import { currentSessionToken, SESSION_COOKIE_NAMES } from "@/lib/auth/session";
import { returnPathFrom } from "@/lib/auth/sign-in-link";
import { getEnv, siteUrl } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/http/client-address";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { retryAfter, tokenLimitedAttempt } from "@/lib/privacy/rate-limit";

/*
 * Auth.js's own endpoints, narrowed to the one a browser needs. Links are requested through
 * /login (rate-limited) and sessions are read on the server, so /signin, /csrf, /session,
 * /providers and /signout answer 404: each would be a second way in around the shop's checks.
 *
 * The emailed link is spent only by the POST from /login/confirm, from this shop's own pages.
 * A GET (a mail scanner, or a link an attacker sends with their own token to sign a victim
 * into the attacker's account) only shows that confirmation page, naming the account.
 */

type Context = { params: Promise<{ nextauth: string[] }> };

const EMAIL_CALLBACK = "callback/email";
const notFound = () => errorResponse(new AppError("not_found", "There is nothing here."));

async function action(context: Context) {
  return (await context.params).nextauth.join("/");
}

function text(value: FormDataEntryValue | string | null, max: number): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= max ? value : null;
}

export async function GET(request: NextRequest, context: Context) {
  if ((await action(context)) !== EMAIL_CALLBACK) return notFound();
  const confirm = new URL("/login/confirm", siteUrl());
  const params = request.nextUrl.searchParams;
  const token = text(params.get("token"), 200);
  const email = text(params.get("email"), 320);
  const returnTo = returnPathFrom(params.get("callbackUrl"), siteUrl());
  if (token) confirm.searchParams.set("token", token);
  if (email) confirm.searchParams.set("email", email);
  if (returnTo) confirm.searchParams.set("callbackUrl", returnTo);
  return Response.redirect(confirm, 303);
}

export async function POST(request: NextRequest, context: Context) {
  if ((await action(context)) !== EMAIL_CALLBACK) return notFound();
  if (!isSameOriginPost(request.headers, siteUrl())) {
    return errorResponse(new AppError("forbidden", "Sign in from the page the emailed link opens."));
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return errorResponse(new AppError("invalid", "The sign-in form could not be read."), { status: 400 });
  }
  const token = text(form.get("token"), 200);
  const email = text(form.get("email"), 320);
  if (!token || !email) return Response.redirect(new URL("/login?error=Verification", siteUrl()), 303);

  // Auth.js reads the email token from the query string: hand it the same request as a GET,
  // with the browser's cookies, once this POST has been checked.
  const callback = new URL(`/api/auth/${EMAIL_CALLBACK}`, siteUrl());
  callback.searchParams.set("token", token);
  callback.searchParams.set("email", email);
  callback.searchParams.set("callbackUrl", new URL(returnPathFrom(text(form.get("callbackUrl"), 500), siteUrl()) ?? "/account", siteUrl()).toString());
  const headers = new Headers();
  const cookie = request.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  const previousSession = await currentSessionToken();
  // A sign-in link that does not work counts as a failed token check for this client; over the
  // limit, not even a working link is tried (nothing is spent, no session is made).
  let response: Response;
  try {
    response = await tokenLimitedAttempt(
      () => handlers.GET(new NextRequest(callback, { method: "GET", headers })),
      (r) => (r.headers.get("location") ?? "").includes("error="),
      clientAddressFrom(request.headers, getEnv().TRUSTED_PROXY_HOPS),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return errorResponse(error, { headers: retryAfter(abuseLimits.tokenFailuresPerClient) });
    throw error;
  }
  // Signing in again in the same browser (to confirm it is you) replaces its old session
  // rather than leaving a second "device" in the privacy centre's list.
  const renewed = response.headers.getSetCookie().some((c) => SESSION_COOKIE_NAMES.some((name) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`)));
  if (previousSession && renewed) await deleteSessionByToken(previousSession);
  // After a POST, "see other": the browser follows with a GET whatever the status Auth.js chose.
  const location = response.headers.get("location");
  if (location && response.status >= 300 && response.status < 400) return new Response(null, { status: 303, headers: response.headers });
  return response;
}
