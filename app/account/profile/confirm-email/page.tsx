import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailChangeForm } from "@/components/account/profile-forms";
import { readEmailChangeToken } from "@/lib/auth/email-change";
import { requireUserForPage } from "@/lib/auth/session";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";
import { TOKEN_LIMIT_MESSAGE } from "@/lib/privacy/token-limit-message";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "same-origin" };
export const instant = false;

/** Opened from the email sent to the new address; the change itself needs a click (POST). */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const user = await requireUserForPage(`/account/profile/confirm-email?token=${encodeURIComponent(token)}`);
  const change = readEmailChangeToken(token);
  const limited = (await guardTokenCheck(change !== null && change.userId === user.id)) === "limited";
  const problem = limited ? TOKEN_LIMIT_MESSAGE : !change || change.userId !== user.id ? "This link is not valid for the account you are signed in to." : change.expired ? "This link has expired. Ask for a new one from your profile." : null;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl md:text-4xl">Confirm your new address</h1>
      <div className="mt-6">
        {problem || !change ? (
          <>
            <Notice tone="error">
              {problem}
            </Notice>
            <Link href="/account/profile" className="mt-4 inline-block underline underline-offset-4">
              Back to your profile
            </Link>
          </>
        ) : (
          <ConfirmEmailChangeForm token={token} to={change.to} />
        )}
      </div>
    </div>
  );
}
