import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { MAX_LINKS, moveInOrder, type MoveDirection } from "@/lib/link-page/rules";
import { shopConfig } from "@/lib/shop-config";
import type { NewLink } from "@/lib/validations/link-page";
import { getDb, type Tx } from "../index";
import { collections, linkPageLinks, linkPageSettings, products, type LinkKind } from "../schema";

/*
 * The link page (/links) and its editor. Every change takes one transaction-wide lock first
 * and leaves the positions numbered 0…n-1, so two people editing at once, or a double click,
 * change the list one after the other and never leave gaps or two links in one place.
 */

/** The intro before the merchant writes one: the shop's tagline. */
export const DEFAULT_INTRO = shopConfig.tagline;

/** One key for every change to the list: changes wait for each other, readers never wait. */
async function lockLinkPage(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hearth:link_page_links'))`);
}

export type LinkPageLinkDto = {
  id: number;
  kind: LinkKind;
  /** The merchant's label; empty for a product or collection link that shows the record's title. */
  label: string;
  url: string | null;
  product: { id: number; slug: string; title: string; published: boolean } | null;
  collection: { id: number; slug: string; title: string; published: boolean } | null;
};

export type LinkPageDto = { intro: string; links: LinkPageLinkDto[] };

/** The page as stored, in order, with each product's and collection's current title and whether it is on show. */
export async function getLinkPage(tx?: Tx): Promise<LinkPageDto> {
  const db = tx ?? getDb();
  const [settings, rows] = await Promise.all([
    db.select({ intro: linkPageSettings.intro }).from(linkPageSettings).where(eq(linkPageSettings.id, 1)),
    db
      .select({
        id: linkPageLinks.id,
        kind: linkPageLinks.kind,
        label: linkPageLinks.label,
        url: linkPageLinks.url,
        productId: products.id,
        productSlug: products.slug,
        productTitle: products.title,
        productStatus: products.status,
        collectionId: collections.id,
        collectionSlug: collections.slug,
        collectionTitle: collections.title,
        collectionPublished: collections.published,
      })
      .from(linkPageLinks)
      .leftJoin(products, eq(products.id, linkPageLinks.productId))
      .leftJoin(collections, eq(collections.id, linkPageLinks.collectionId))
      .orderBy(asc(linkPageLinks.position), asc(linkPageLinks.id)),
  ]);
  return {
    intro: settings[0]?.intro ?? DEFAULT_INTRO,
    links: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      url: r.url,
      product: r.productId !== null ? { id: r.productId, slug: r.productSlug!, title: r.productTitle!, published: r.productStatus === "published" } : null,
      collection: r.collectionId !== null ? { id: r.collectionId, slug: r.collectionSlug!, title: r.collectionTitle!, published: r.collectionPublished! } : null,
    })),
  };
}

export type LinkTargetChoiceDto = { id: number; title: string };

/** What a product link may point to: the products shoppers can see. */
export async function listLinkableProducts(): Promise<LinkTargetChoiceDto[]> {
  return getDb().select({ id: products.id, title: products.title }).from(products).where(eq(products.status, "published")).orderBy(asc(products.title), asc(products.id)).limit(1000);
}

/** What a collection link may point to: the collections shoppers can see. */
export async function listLinkableCollections(): Promise<LinkTargetChoiceDto[]> {
  return getDb().select({ id: collections.id, title: collections.title }).from(collections).where(eq(collections.published, true)).orderBy(asc(collections.position), asc(collections.id));
}

async function currentOrder(tx: Tx): Promise<number[]> {
  const rows = await tx.select({ id: linkPageLinks.id }).from(linkPageLinks).orderBy(asc(linkPageLinks.position), asc(linkPageLinks.id));
  return rows.map((r) => r.id);
}

/** Writes 0…n-1 in the given order (only rows whose position differs are touched). */
async function renumber(tx: Tx, order: number[]) {
  if (order.length === 0) return;
  const values = sql.join(
    order.map((id, position) => sql`(${id}::int, ${position}::int)`),
    sql`, `,
  );
  await tx.execute(sql`update link_page_links l set position = v.position from (values ${values}) as v(id, position) where l.id = v.id and l.position <> v.position`);
}

export type LinkSnapshot = { id: number; kind: LinkKind; productId: number | null; collectionId: number | null; url: string | null; label: string; position: number };

/** Adds a link at the end of the list. Refuses a product or collection shoppers cannot see, and a full list. */
export async function addLink(tx: Tx, link: NewLink): Promise<LinkSnapshot> {
  await lockLinkPage(tx);
  const order = await currentOrder(tx);
  if (order.length >= MAX_LINKS) throw new AppError("conflict", `The page already has ${MAX_LINKS} links, the most it holds. Remove one first.`);
  if (link.kind === "product") {
    const [product] = await tx.select({ status: products.status }).from(products).where(eq(products.id, link.productId));
    if (product?.status !== "published") throw new AppError("invalid", "Please check the highlighted fields.", { productId: ["That product is not on sale in the shop. Choose another."] });
  }
  if (link.kind === "collection") {
    const [collection] = await tx.select({ published: collections.published }).from(collections).where(eq(collections.id, link.collectionId));
    if (!collection?.published) throw new AppError("invalid", "Please check the highlighted fields.", { collectionId: ["That collection is not shown in the shop. Choose another."] });
  }
  await renumber(tx, order);
  const [row] = await tx
    .insert(linkPageLinks)
    .values({
      position: order.length,
      kind: link.kind,
      productId: link.kind === "product" ? link.productId : null,
      collectionId: link.kind === "collection" ? link.collectionId : null,
      url: link.kind === "url" ? link.url : null,
      label: link.label,
    })
    .returning(snapshotColumns);
  return row!;
}

const snapshotColumns = {
  id: linkPageLinks.id,
  kind: linkPageLinks.kind,
  productId: linkPageLinks.productId,
  collectionId: linkPageLinks.collectionId,
  url: linkPageLinks.url,
  label: linkPageLinks.label,
  position: linkPageLinks.position,
};

/**
 * Moves a link one step, swapping it with the neighbour the merchant saw beside it. A form
 * that no longer matches the list (the link or its neighbour moved or went meanwhile) is
 * refused and changes nothing.
 */
export async function moveLink(tx: Tx, id: number, direction: MoveDirection, neighbourId: number): Promise<{ from: number; to: number }> {
  await lockLinkPage(tx);
  const order = await currentOrder(tx);
  if (!order.includes(id)) throw new AppError("not_found", "That link is no longer on the page. The list below shows it as it is now.");
  const next = moveInOrder(order, id, direction, neighbourId);
  if (!next) throw new AppError("conflict", "The list changed since this page was loaded (another change, or a second click). It now shows the current order: try again if it still needs moving.");
  await renumber(tx, next);
  return { from: order.indexOf(id), to: next.indexOf(id) };
}

/** Removes a link and closes the gap it leaves. */
export async function removeLink(tx: Tx, id: number): Promise<LinkSnapshot> {
  await lockLinkPage(tx);
  const [removed] = await tx.delete(linkPageLinks).where(eq(linkPageLinks.id, id)).returning(snapshotColumns);
  if (!removed) throw new AppError("not_found", "That link was already removed.");
  await renumber(tx, await currentOrder(tx));
  return removed;
}

/** Saves the intro; returns it as it was, for the audit entry. */
export async function updateLinkPageIntro(tx: Tx, intro: string): Promise<{ before: string; after: string }> {
  await lockLinkPage(tx);
  const [was] = await tx.select({ intro: linkPageSettings.intro }).from(linkPageSettings).where(eq(linkPageSettings.id, 1));
  await tx
    .insert(linkPageSettings)
    .values({ id: 1, intro })
    .onConflictDoUpdate({ target: linkPageSettings.id, set: { intro, updatedAt: sql`now()` } });
  return { before: was?.intro ?? DEFAULT_INTRO, after: intro };
}
