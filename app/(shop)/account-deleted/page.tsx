import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Your account is deleted</h1>
      <p className="mt-4 text-ink-muted">
        Your personal data is erased and you are signed out everywhere. Orders you placed are kept for our accounts without your name, email or address.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium underline underline-offset-4">
        Back to the shop
      </Link>
    </div>
  );
}
