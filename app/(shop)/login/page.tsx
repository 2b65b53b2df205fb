import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/account/login-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { shopConfig } from "@/lib/shop-config";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const instant = false;

// Auth.js sends people back here with ?error=<type> when a link cannot be used.
const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one below.",
  EmailSignin: "We could not send the sign-in email. Please try again in a minute.",
  AccessDenied: "That account cannot sign in.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null, "/account");
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (errorMessages[params.error] ?? "Something went wrong while signing you in. Please ask for a new link.") : null;
  return (
    <div className="container-page max-w-md py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Sign in</h1>
      <p className="mt-3 text-ink-muted">See your orders, keep your addresses, and control what {shopConfig.name} knows about you. New here? The same link creates your account.</p>
      {error ? (
        <Notice tone="error" className="mt-6">
          {error}
        </Notice>
      ) : null}
      <div className="mt-8">
        <LoginForm callbackUrl={callbackUrl === "/account" ? undefined : callbackUrl} />
      </div>
    </div>
  );
}
