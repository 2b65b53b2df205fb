import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton } from "@/components/admin/links/copy-button";
import { ArchiveLinkButton, LinkEditForm } from "@/components/admin/links/link-edit-form";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getTrackedLink, listDestinationChoices } from "@/db/queries/tracked-links";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { siteUrl } from "@/lib/env";
import { qrSvg } from "@/lib/links/qr";
import { forwardUrl, shortUrl } from "@/lib/links/tracked-links";

export const metadata: Metadata = { title: "Short link" };
export const instant = false;

const BASE = "/admin/marketing/links";

export default async function TrackedLinkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`${BASE}/${encodeURIComponent(id)}`, "marketing:read");
  const link = /^[1-9]\d{0,9}$/.test(id) ? await getTrackedLink(Number(id)) : null;
  if (!link) notFound();
  const [choices, query] = await Promise.all([listDestinationChoices(), searchParams]);
  const mayWrite = can(staff.role, "marketing:write");
  const short = shortUrl(siteUrl(), link.slug);
  const forwardsTo = forwardUrl(siteUrl(), link.destination, { source: link.utmSource, medium: link.utmMedium, campaign: link.utmCampaign, content: link.utmContent });
  const qr = `data:image/svg+xml;base64,${Buffer.from(await qrSvg(short)).toString("base64")}`;

  return (
    <div>
      <AdminPageHeader
        back={
          <Link href={link.archivedAt ? `${BASE}?show=archived` : BASE} className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Short links
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            <span className="font-mono">/go/{link.slug}</span>
            {link.archivedAt ? <Badge>Archived</Badge> : null}
          </span>
        }
        description={link.label || undefined}
        actions={mayWrite ? <ArchiveLinkButton id={link.id} archived={Boolean(link.archivedAt)} /> : null}
      />
      {param(query, "created") ? <Notice className="mb-4">Short link created. Copy it into your post, or download its QR code.</Notice> : null}
      {link.archivedAt ? (
        <Notice className="mb-4">Archived on {formatDate(link.archivedAt)}. It still forwards and counts clicks, so posts that use it keep working.</Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="space-y-6">
          <section aria-labelledby="link-heading" className="rounded-card border border-line bg-surface-raised p-4">
            <h2 id="link-heading" className="font-sans text-base font-semibold">
              The link
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-3">
              <code className="break-all rounded-lg bg-surface-sunken px-2 py-1 font-mono text-sm" data-testid="short-url">
                {short}
              </code>
              <CopyButton text={short} />
            </p>
            <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div className="sm:col-span-2">
                <dt className="font-medium">Forwards to</dt>
                <dd className="mt-0.5 break-all font-mono text-xs">{forwardsTo}</dd>
              </div>
              <div>
                <dt className="font-medium">Source / medium</dt>
                <dd className="text-ink-muted">
                  {link.utmSource} / {link.utmMedium}
                </dd>
              </div>
              <div>
                <dt className="font-medium">Campaign{link.utmContent ? " / content" : ""}</dt>
                <dd className="text-ink-muted">
                  {link.utmCampaign}
                  {link.utmContent ? ` / ${link.utmContent}` : ""}
                </dd>
              </div>
              <div>
                <dt className="font-medium">Clicks</dt>
                <dd className="text-ink-muted" data-testid="link-clicks">
                  {link.clicks30d} in the last 30 days, {link.clicksTotal} in all
                </dd>
              </div>
              <div>
                <dt className="font-medium">Created</dt>
                <dd className="text-ink-muted">
                  {formatDate(link.createdAt)}
                  {link.createdByName ? ` by ${link.createdByName}` : ""}
                </dd>
              </div>
            </dl>
            <p className="mt-4 text-xs text-ink-muted">
              The slug and the campaign labels are fixed once a link exists, so its clicks stay comparable over time. For a new post, create a new link.
            </p>
          </section>

          {mayWrite ? (
            <section aria-labelledby="edit-heading" className="max-w-2xl">
              <h2 id="edit-heading" className="mb-3 font-sans text-base font-semibold">
                Change label or destination
              </h2>
              <LinkEditForm id={link.id} label={link.label} destination={link.destination} choices={choices} />
            </section>
          ) : null}
        </div>

        <section aria-labelledby="qr-heading" className="rounded-card border border-line bg-surface-raised p-4">
          <h2 id="qr-heading" className="font-sans text-base font-semibold">
            QR code
          </h2>
          <p className="mt-1 text-xs text-ink-muted">For print and stories. A scan opens the short link, so it is counted like a click.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated SVG, not a photo to optimise */}
          <img src={qr} alt={`QR code for ${short}`} width={240} height={240} className="mx-auto mt-3 size-60" />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button asChild variant="secondary" size="sm">
              <a href={`${BASE}/${link.id}/qr.svg`} download={`go-${link.slug}.svg`}>
                Download SVG
              </a>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <a href={`${BASE}/${link.id}/qr.png`} download={`go-${link.slug}.png`}>
                Download PNG
              </a>
            </Button>
          </div>
        </section>
      </div>
    </div>
  );
}
