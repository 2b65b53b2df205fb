import type { ReactNode } from "react";
import { newsletterTopics, signupWording } from "@/lib/consent/purposes";
import { socialLabel } from "@/lib/settings/social";

/*
 * The link page's markup: a whole HTML document rendered once to a string on the server
 * (lib/link-page/render.ts), with no script of any kind. Everything shown comes in as plain
 * props, so this file reads nothing and the same props always give the same page.
 */

export type LinkPageEntry = { href: string; label: string; kind: "product" | "collection" | "newsletter" | "url" };

export type LinkPageProps = {
  shopName: string;
  intro: string;
  links: LinkPageEntry[];
  socialProfiles: { network: string; href: string }[];
  /** The shop's public origin, for the canonical address and the share preview. */
  origin: string;
  locale: string;
  stylesheet: string;
};

/** Right-to-left scripts, so the page lays itself out the other way for a shop written in one. */
const rtlLanguages = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);
export const directionOf = (locale: string) => (rtlLanguages.has(locale.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr");

/* Simple glyphs drawn for this page (no brand assets, nothing fetched); each link is named in words. */
const glyphs: Record<string, ReactNode> = {
  instagram: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="5" />
      <circle cx="12" cy="12" r="4" />
      <circle cx="17.3" cy="6.7" r="0.9" fill="currentColor" stroke="none" />
    </>
  ),
  tiktok: <path d="M14 3v11.5a3.5 3.5 0 1 1-3.5-3.5M14 3c0 2.8 2.2 5 5 5" />,
  pinterest: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M10.5 20.5 12.6 11M10 14.5c.7 1 1.7 1.5 2.8 1.5 2.4 0 4.2-2 4.2-4.7C17 8.6 14.9 7 12.2 7 9.2 7 7.3 9 7.3 11.4c0 1 .4 1.9 1 2.4" />
    </>
  ),
  facebook: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M13 21v-8h2.5M13 13h-2.5M13 13v-2.5A2.5 2.5 0 0 1 15.5 8H16" />
    </>
  ),
  youtube: (
    <>
      <rect x="2.5" y="5.5" width="19" height="13" rx="4" />
      <path d="m10.5 9.5 4 2.5-4 2.5z" fill="currentColor" />
    </>
  ),
};

function SocialIcon({ network }: { network: string }) {
  const glyph = glyphs[network];
  if (!glyph) return <span className="badge">{socialLabel(network).slice(0, 2)}</span>;
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {glyph}
    </svg>
  );
}

function Arrow() {
  return (
    <svg className="go" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 10h12M11 5l5 5-5 5" />
    </svg>
  );
}

export function LinkPageDocument({ shopName, intro, links, socialProfiles, origin, locale, stylesheet }: LinkPageProps) {
  const title = `${shopName} · Links`;
  const description = intro || `${shopName}: the shop, the newsletter and where to follow us.`;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      {/* A whole document rendered to a string outside Next's pages: next/head and next/image do not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={`${origin}/links`} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <meta property="og:type" content="website" />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={`${origin}/links`} />
        <meta property="og:site_name" content={shopName} />
        <style dangerouslySetInnerHTML={{ __html: stylesheet }} />
      </head>
      <body>
        <main id="main">
          <header>
            <a href="/" aria-label={`${shopName}: visit the shop`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- the shop's own small SVG, no optimiser involved */}
              <img className="logo" src="/icon.svg" alt="" width={80} height={80} />
            </a>
            <h1>{shopName}</h1>
            {intro ? <p className="intro">{intro.replace(/\s*\n\s*/g, " ")}</p> : null}
            {socialProfiles.length > 0 ? (
              <ul className="social" aria-label="Follow us">
                {socialProfiles.map((profile) => (
                  <li key={profile.network}>
                    <a href={profile.href} rel="me noopener" aria-label={socialLabel(profile.network)} title={socialLabel(profile.network)}>
                      <SocialIcon network={profile.network} />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </header>

          {links.length > 0 ? (
            <nav aria-label="Featured links">
              <ul className="links">
                {links.map((link, index) => (
                  <li key={index}>
                    <a
                      href={link.href}
                      className={link.kind === "newsletter" ? "newsletter" : undefined}
                      rel={link.kind === "url" && /^https?:/i.test(link.href) ? "noopener" : undefined}
                    >
                      <span className="label">{link.label}</span>
                      <Arrow />
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}

          <section className="signup" id="newsletter" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading">Hear from the workshop</h2>
            <p>New pieces first, straight to your inbox: no algorithm in between, no tracking pixels, one-click unsubscribe.</p>
            <form method="post" action="/links/subscribe" aria-label="Subscribe to our emails">
              <input type="hidden" name="source" value="links-page" />
              <fieldset>
                <legend>What would you like to hear about?</legend>
                {newsletterTopics.map((topic) => (
                  <label key={topic.id} className="topic">
                    <input type="checkbox" name={topic.id} value="yes" />
                    <span>
                      <strong>{topic.label}</strong>
                      <span>{topic.description}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <div className="email">
                <label htmlFor="links-email">Email address</label>
                <div className="row">
                  <input id="links-email" name="email" type="email" autoComplete="email" required />
                  <button type="submit">Subscribe</button>
                </div>
              </div>
              <p className="fine">{signupWording.text}</p>
            </form>
          </section>

          <footer>
            <p>
              <a href="/">{`Visit the ${shopName} shop`}</a>
            </p>
            <p>
              <a href="/privacy">Privacy notice</a>
            </p>
          </footer>
        </main>
      </body>
    </html>
  );
}
