import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../index";
import { trackedLinks } from "../schema";

/*
 * Tracked short links (/go/<slug>) for the marketing admin and the redirect. Links are
 * archived, never deleted: orders and consent events point at the link that brought them, and
 * an old post's link keeps forwarding.
 */

export type TrackedLinkTarget = {
  id: number;
  slug: string;
  destination: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  utmContent: string | null;
};

/** Every link, archived ones included (they still forward), for the redirect's in-memory index. */
export async function listTrackedLinkTargets(): Promise<TrackedLinkTarget[]> {
  return getDb()
    .select({
      id: trackedLinks.id,
      slug: trackedLinks.slug,
      destination: trackedLinks.destination,
      utmSource: trackedLinks.utmSource,
      utmMedium: trackedLinks.utmMedium,
      utmCampaign: trackedLinks.utmCampaign,
      utmContent: trackedLinks.utmContent,
    })
    .from(trackedLinks);
}

export type TrackedLinkRowDto = TrackedLinkTarget & {
  label: string;
  createdAt: Date;
  archivedAt: Date | null;
  clicks30d: number;
  clicksTotal: number;
};

type RowWithCounts = {
  id: number;
  slug: string;
  destination: string;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_content: string | null;
  label: string;
  created_at: string | Date;
  archived_at: string | Date | null;
  clicks_30d: number;
  clicks_total: number;
  created_by_name?: string | null;
};

function toRow(r: RowWithCounts): TrackedLinkRowDto {
  return {
    id: r.id,
    slug: r.slug,
    destination: r.destination,
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    utmCampaign: r.utm_campaign,
    utmContent: r.utm_content,
    label: r.label,
    createdAt: new Date(r.created_at),
    archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    clicks30d: Number(r.clicks_30d),
    clicksTotal: Number(r.clicks_total),
  };
}

const withCounts = sql`
  select l.id, l.slug, l.destination, l.utm_source, l.utm_medium, l.utm_campaign, l.utm_content, l.label, l.created_at, l.archived_at,
         coalesce(c.last_30d, 0)::int as clicks_30d, coalesce(c.total, 0)::int as clicks_total, u.name as created_by_name
  from tracked_links l
  left join lateral (
    select count(*) filter (where at >= now() - interval '30 days') as last_30d, count(*) as total from link_clicks where link_id = l.id
  ) c on true
  left join users u on u.id = l.created_by`;

/** The list page: live links, or archived ones, newest first, with their click counts. */
export async function listTrackedLinks({ archived }: { archived: boolean }): Promise<TrackedLinkRowDto[]> {
  const rows = await getDb().execute<RowWithCounts>(sql`${withCounts}
    where ${archived ? sql`l.archived_at is not null` : sql`l.archived_at is null`}
    order by l.created_at desc, l.id desc
    limit 500`);
  return rows.map(toRow);
}

export async function countArchivedTrackedLinks(): Promise<number> {
  const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from tracked_links where archived_at is not null`);
  return Number(row?.n ?? 0);
}

export type TrackedLinkDto = TrackedLinkRowDto & { createdByName: string | null };

export async function getTrackedLink(id: number): Promise<TrackedLinkDto | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const [row] = await getDb().execute<RowWithCounts>(sql`${withCounts} where l.id = ${id}`);
  return row ? { ...toRow(row), createdByName: row.created_by_name ?? null } : null;
}

export async function isTrackedLinkSlugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [row] = await tx.select({ id: trackedLinks.id }).from(trackedLinks).where(eq(trackedLinks.slug, slug));
  return Boolean(row);
}

export type NewTrackedLink = {
  slug: string;
  destination: string;
  label: string;
  utm: { source: string; medium: string; campaign: string; content: string | null };
  createdBy: string;
};

/** Inserts a link; a slug taken meanwhile fails on the unique index (tracked_links_slug_key). */
export async function createTrackedLink(tx: Tx, input: NewTrackedLink): Promise<{ id: number }> {
  const [row] = await tx
    .insert(trackedLinks)
    .values({
      slug: input.slug,
      destination: input.destination,
      label: input.label,
      utmSource: input.utm.source,
      utmMedium: input.utm.medium,
      utmCampaign: input.utm.campaign,
      utmContent: input.utm.content,
      createdBy: input.createdBy,
    })
    .returning({ id: trackedLinks.id });
  return row!;
}

type EditableSnapshot = { destination: string; label: string };

/** Label and destination only: the slug and UTM stay as they were so earlier clicks compare. */
export async function updateTrackedLink(tx: Tx, id: number, input: EditableSnapshot): Promise<{ slug: string; before: EditableSnapshot; after: EditableSnapshot }> {
  const [before] = await tx
    .select({ slug: trackedLinks.slug, destination: trackedLinks.destination, label: trackedLinks.label })
    .from(trackedLinks)
    .where(eq(trackedLinks.id, id))
    .for("update");
  if (!before) throw new AppError("not_found", "That link no longer exists.");
  await tx.update(trackedLinks).set({ destination: input.destination, label: input.label }).where(eq(trackedLinks.id, id));
  return { slug: before.slug, before: { destination: before.destination, label: before.label }, after: input };
}

/** Archives or brings back a link; says whether anything changed (a second click on a stale page changes nothing). */
export async function setTrackedLinkArchived(tx: Tx, id: number, archived: boolean): Promise<{ slug: string; changed: boolean }> {
  const [row] = await tx.select({ slug: trackedLinks.slug, archivedAt: trackedLinks.archivedAt }).from(trackedLinks).where(eq(trackedLinks.id, id)).for("update");
  if (!row) throw new AppError("not_found", "That link no longer exists.");
  if (Boolean(row.archivedAt) === archived) return { slug: row.slug, changed: false };
  await tx
    .update(trackedLinks)
    .set({ archivedAt: archived ? sql`now()` : null })
    .where(eq(trackedLinks.id, id));
  return { slug: row.slug, changed: true };
}

export type DestinationChoices = { products: { slug: string; title: string }[]; collections: { slug: string; title: string }[] };

/** What the destination picker offers: published products and collections, by title. */
export async function listDestinationChoices(): Promise<DestinationChoices> {
  const db = getDb();
  const [products, collections] = await Promise.all([
    db.execute<{ slug: string; title: string }>(sql`select slug, title from products where status = 'published' order by title, id limit 1000`),
    db.execute<{ slug: string; title: string }>(sql`select slug, title from collections where published order by position, id limit 200`),
  ]);
  return { products: [...products], collections: [...collections] };
}
