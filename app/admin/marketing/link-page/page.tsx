import type { Metadata } from "next";
import { AddLinkForm, IntroForm, LinkRowActions } from "@/components/admin/link-page/link-page-forms";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { getLinkPage, listLinkableCollections, listLinkableProducts, type LinkPageLinkDto } from "@/db/queries/link-page";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { MAX_LINKS } from "@/lib/link-page/rules";

export const metadata: Metadata = { title: "Link page" };
export const instant = false;

const BASE = "/admin/marketing/link-page";

/* The merchant's words for each kind of link (the shopper's page says less). */
const kindNames: Record<LinkPageLinkDto["kind"], string> = { product: "Product", collection: "Collection", newsletter: "Newsletter signup", url: "Custom link" };

/** What a row shows: the title shoppers see, where it goes, and why it may be hidden. */
function describe(link: LinkPageLinkDto): { title: string; target: string; hidden: string | null } {
  switch (link.kind) {
    case "product":
      return { title: link.label || link.product!.title, target: `/products/${link.product!.slug}`, hidden: link.product!.published ? null : "Hidden: the product is not on sale" };
    case "collection":
      return { title: link.label || link.collection!.title, target: `/collections/${link.collection!.slug}`, hidden: link.collection!.published ? null : "Hidden: the collection is not shown" };
    case "newsletter":
      return { title: link.label || "Join the newsletter", target: "The signup form on the page", hidden: null };
    case "url":
      return { title: link.label, target: link.url ?? "", hidden: null };
  }
}

export default async function LinkPageEditor() {
  const staff = await requirePermissionForPage(BASE, "marketing:read");
  const [page, products, collections] = await Promise.all([getLinkPage(), listLinkableProducts(), listLinkableCollections()]);
  const mayWrite = can(staff.role, "marketing:write");
  const { links } = page;

  return (
    <div className="max-w-3xl">
      <AdminPageHeader
        title="Link page"
        description="Your own link-in-bio page at /links, for your social profiles: the shop's logo, a short introduction, the links below in this order, your social profiles and a newsletter signup. No tracking and no scripts."
        actions={
          <ButtonLink href="/links" variant="secondary" target="_blank" rel="noopener">
            View page
          </ButtonLink>
        }
      />

      <section aria-labelledby="intro-heading" className="rounded-card border border-line bg-surface-raised p-5">
        <h2 id="intro-heading" className="font-sans text-base font-semibold">
          Introduction
        </h2>
        <p className="mt-1 text-sm text-ink-muted">One or two sentences under the shop&apos;s name. Plain text.</p>
        <IntroForm intro={page.intro} readOnly={!mayWrite} />
      </section>

      <section aria-labelledby="links-heading" className="mt-8">
        <h2 id="links-heading" className="font-sans text-base font-semibold">
          Featured links
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Shown from top to bottom. A product or collection link shows its current title unless you give it a label, and disappears from the page while the product or
          collection is not in the shop. {links.length} of {MAX_LINKS}.
        </p>
        {links.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="No links yet.">{mayWrite ? "Add the products, collections and pages you want people from your social profiles to find first." : null}</EmptyState>
          </div>
        ) : (
          <ol className="mt-4 divide-y divide-line rounded-card border border-line bg-surface-raised" aria-label="Featured links, in order">
            {links.map((link, index) => {
              const { title, target, hidden } = describe(link);
              return (
                <li key={link.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
                  <span className="hidden w-6 shrink-0 text-sm tabular-nums text-ink-muted sm:block" aria-hidden="true">
                    {index + 1}.
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{title}</p>
                    <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
                      <Badge>{kindNames[link.kind]}</Badge>
                      <span className="min-w-0 break-all">{target}</span>
                      {hidden ? <Badge tone="warning">{hidden}</Badge> : null}
                    </p>
                  </div>
                  {mayWrite ? <LinkRowActions id={link.id} title={title} previousId={links[index - 1]?.id ?? null} nextId={links[index + 1]?.id ?? null} /> : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {mayWrite ? (
        <section aria-labelledby="add-heading" className="mt-8 rounded-card border border-line bg-surface-raised p-5">
          <h2 id="add-heading" className="font-sans text-base font-semibold">
            Add a link
          </h2>
          {links.length >= MAX_LINKS ? (
            <p className="mt-2 text-sm text-ink-muted">The page holds {MAX_LINKS} links at most. Remove one to add another.</p>
          ) : (
            <AddLinkForm products={products} collections={collections} />
          )}
        </section>
      ) : null}
    </div>
  );
}
