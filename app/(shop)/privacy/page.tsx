import type { Metadata } from "next";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Privacy notice" };

/*
 * What the shop collects today. When accounts, orders and the newsletter arrive, this page is
 * generated from the purposes defined in code (see the accounts and privacy issue).
 */
export default function PrivacyPage() {
  return (
    <article className="container-page max-w-3xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Privacy notice</h1>
      <p className="mt-4 text-ink-muted">
        {shopConfig.name} runs its own shop on its own server. This page says exactly what this site collects when you browse it.
      </p>
      <section className="mt-10 space-y-3">
        <h2 className="text-xl">While you browse</h2>
        <ul className="list-disc space-y-2 pl-5 text-ink-muted">
          <li>No cookies are set for browsing, searching or viewing products.</li>
          <li>No scripts, fonts, images or pixels are loaded from other companies, so no social network or ad network learns that you visited.</li>
          <li>Share buttons are plain links: nothing is sent to a social network unless you click one.</li>
          <li>Our web server keeps short technical logs to keep the site running; they are not used for marketing.</li>
        </ul>
      </section>
      <section className="mt-10 space-y-3">
        <h2 className="text-xl">Questions</h2>
        <p className="text-ink-muted">
          Write to{" "}
          <a href={`mailto:${shopConfig.contactEmail}`} className="underline underline-offset-4">
            {shopConfig.contactEmail}
          </a>
          . A person in the workshop reads every message.
        </p>
      </section>
    </article>
  );
}
