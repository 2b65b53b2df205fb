import type { Metadata } from "next";
import { EmailChangeForm, NameForm } from "@/components/account/profile-forms";
import { getUserById } from "@/db/queries/accounts";
import { requireUserForPage } from "@/lib/auth/session";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Your profile" };
export const instant = false;

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireUserForPage("/account/profile");
  const [user, params] = await Promise.all([getUserById(session.id), searchParams]);
  if (!user) return null;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl md:text-4xl">Your profile</h1>
      {params.changed === "email" ? (
        <Notice className="mt-6">
          Your email address is now {user.email}.
        </Notice>
      ) : null}
      <section className="mt-8 rounded-card border border-line bg-surface-raised p-5">
        <h2 className="mb-4 text-xl">Name</h2>
        <NameForm name={user.name} />
      </section>
      <section className="mt-6 rounded-card border border-line bg-surface-raised p-5">
        <h2 className="mb-4 text-xl">Email address</h2>
        <EmailChangeForm email={user.email} />
      </section>
    </div>
  );
}
