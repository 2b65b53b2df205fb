import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RetentionPeriods } from "@/components/shop/retention-periods";
import { collectedData, cookiesUsed, newsletterClickData, optionalUses, rightsFor, type CollectedData } from "@/lib/privacy/notice";
import { retentionRules } from "@/lib/privacy/retention";
import { getShopSettingsForPage } from "@/lib/settings/cached";
import { postalAddressLine } from "@/lib/settings/address";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = {
  title: "Privacy notice",
  description: `What ${shopConfig.name} collects, why, for how long, and how to see, change or delete it.`,
  alternates: { canonical: "/privacy" },
};

/*
 * Generated from lib/privacy/notice.ts, the consent purposes in lib/consent/purposes.ts, the
 * retention rules in lib/privacy/retention.ts (the periods the daily retention job deletes by)
 * and the shop's configuration: when one of those changes, this page changes with it.
 */
export default function PrivacyPage() {
  const { privacy } = shopConfig;
  return (
    <article className="container-page max-w-3xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Privacy notice</h1>
      <p className="mt-4 text-ink-muted">
        {shopConfig.name} runs its own shop on its own server. This page lists everything this site collects about you, why, and for how long, and where you can see,
        change or delete it yourself.
      </p>
      <Suspense>
        <Controller />
      </Suspense>

      <section className="mt-10" aria-labelledby="browsing">
        <h2 id="browsing" className="text-2xl">
          While you browse
        </h2>
        <ul className="mt-3 list-disc space-y-2 ps-5 text-ink-muted">
          <li>No cookies are set for browsing, searching or viewing products (one exception, below: a session cookie naming the post you arrived from), and nothing follows you from page to page or site to site.</li>
          <li>We count visits without cookies, with a code that changes every day and cannot be traced back to you. If your browser sends Global Privacy Control or Do Not Track, we do not count you at all.</li>
          <li>No scripts, fonts, images or pixels are loaded from other companies, so no social network or ad network learns that you visited.</li>
          <li>Share buttons are plain links: nothing is sent to a social network unless you click one.</li>
          <li>Our web server keeps short technical logs to keep the site running; they are not used for marketing.</li>
        </ul>
      </section>

      <section className="mt-10" aria-labelledby="collected">
        <h2 id="collected" className="text-2xl">
          What we collect when you use the shop
        </h2>
        <dl className="mt-4 space-y-4">
          {collectedData.map((item) => (
            <CollectedItem key={item.what} item={item} />
          ))}
          <Suspense>
            <NewsletterClicks />
          </Suspense>
        </dl>
      </section>

      <RetentionPeriods rules={retentionRules} />

      <section className="mt-10" aria-labelledby="optional">
        <h2 id="optional" className="text-2xl">
          Only if you say yes
        </h2>
        <p className="mt-3 text-ink-muted">
          These are off until you switch them on; no box is ever ticked for you. We record what you agreed to, the exact words you saw, and when; you can switch
          each one off as easily as on.
        </p>
        <dl className="mt-4 space-y-4">
          {optionalUses.map((purpose) => (
            <div key={purpose.id} className="rounded-card border border-line bg-surface-raised p-4">
              <dt className="font-medium">{purpose.label}</dt>
              <dd className="mt-2 space-y-1 text-sm text-ink-muted">
                <p>{purpose.description}</p>
                <p>
                  <span className="font-medium text-ink">What you agree to: </span>“{purpose.wording}”
                </p>
                <p>
                  <span className="font-medium text-ink">How long: </span>
                  {purpose.retention}
                </p>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="mt-10" aria-labelledby="cookies">
        <h2 id="cookies" className="text-2xl">
          Cookies
        </h2>
        <p className="mt-3 text-ink-muted">Only these, and only once you add something to your cart or sign in. None is used for advertising or tracking.</p>
        <ul className="mt-3 space-y-2 text-sm">
          {cookiesUsed.map((cookie) => (
            <li key={cookie.name}>
              <code className="font-medium">{cookie.name}</code>: <span className="text-ink-muted">{cookie.purpose} Kept {cookie.kept.toLowerCase()}.</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-10" aria-labelledby="shared">
        <h2 id="shared" className="text-2xl">
          Who else handles your data
        </h2>
        <p className="mt-3 text-ink-muted">We never sell your data or share it with advertisers. These companies handle it on our behalf, under contract:</p>
        <ul className="mt-3 list-disc space-y-1 ps-5 text-sm text-ink-muted">
          {privacy.processors.map((p) => (
            <li key={p.name}>
              <span className="font-medium text-ink">{p.name}</span> {p.purpose} ({p.location}).
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-10" aria-labelledby="rights">
        <h2 id="rights" className="text-2xl">
          Your rights, and where to use them
        </h2>
        <Suspense>
          <Rights />
        </Suspense>
        <p className="mt-4 text-sm text-ink-muted">
          Not happy with our answer? You can complain to{" "}
          <a href={privacy.supervisoryAuthority.href} className="underline underline-offset-4">
            {privacy.supervisoryAuthority.name}
          </a>
          .
        </p>
      </section>
    </article>
  );
}

function CollectedItem({ item }: { item: CollectedData }) {
  return (
    <div className="rounded-card border border-line bg-surface-raised p-4">
      <dt className="font-medium">{item.what}</dt>
      <dd className="mt-2 space-y-1 text-sm text-ink-muted">
        <p>
          <span className="font-medium text-ink">Why: </span>
          {item.why}
        </p>
        <p>
          <span className="font-medium text-ink">On what basis: </span>
          {item.basis}
        </p>
        <p>
          <span className="font-medium text-ink">How long: </span>
          {item.kept}
        </p>
      </dd>
    </div>
  );
}

/** Whether newsletter clicks are recorded per reader is the shop's setting, so the notice reads it. */
async function NewsletterClicks() {
  const { individualClickTracking } = await getShopSettingsForPage();
  return <CollectedItem item={newsletterClickData(individualClickTracking)} />;
}

/** The shop's name and postal address, from its settings. */
async function Controller() {
  const settings = await getShopSettingsForPage();
  return <p className="mt-3 text-sm text-ink-muted">Responsible for your data: {postalAddressLine(settings)}.</p>;
}

async function Rights() {
  const { contactEmail } = await getShopSettingsForPage();
  return (
    <ul className="mt-3 space-y-2">
      {rightsFor(contactEmail).map((r) => (
        <li key={r.right} className="text-sm">
          <span className="font-medium">{r.right}:</span>{" "}
          {r.href.startsWith("/") ? (
            <Link href={r.href} className="underline underline-offset-4">
              {r.where}
            </Link>
          ) : (
            <a href={r.href} className="underline underline-offset-4">
              {r.where}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
