import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getLinkPage } from "@/db/queries/link-page";
import { MAX_LINKS } from "@/lib/link-page/rules";
import { testSql } from "../support/sql";

/*
 * The link page editor against PostgreSQL: each change is audited and expires /links after
 * its commit; the order stays 0…n-1 however changes overlap (two people, a double click); a
 * stale or malformed form changes nothing; a link goes with the product it names; and the
 * demo seed gives the page something to show.
 */
const expired = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ updateTag: (tag: string) => void expired.push(tag), revalidatePath: () => {}, cacheLife: () => {}, cacheTag: () => {} }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: "marketer-1", email: "jo@example.com", name: null, role: "marketer" }),
  requirePermission: async () => ({ id: "marketer-1", email: "jo@example.com", name: null, role: "marketer" }),
}));

const { addLinkAction, moveLinkAction, removeLinkAction, saveLinkPageIntroAction } = await import("@/app/admin/marketing/link-page/actions");

const sql = testSql();
const form = (fields: Record<string, string | number | undefined>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) data.set(k, String(v));
  return data;
};

async function order() {
  return sql<{ id: number; position: number; kind: string; label: string }[]>`select id, position, kind, label from link_page_links order by position, id`;
}
async function auditCount(action: string) {
  const [row] = await sql`select count(*)::int as n from audit_log where action = ${action}`;
  return row!.n as number;
}

let seeded: Record<string, unknown>[] = [];
let productId = 0;
let draftId = 0;
let collectionId = 0;

beforeAll(async () => {
  seeded = await sql`select * from link_page_links order by position`;
  [{ id: productId }] = (await sql`select id from products where status = 'published' order by id limit 1`) as unknown as [{ id: number }];
  [{ id: collectionId }] = (await sql`select id from collections where published order by id limit 1`) as unknown as [{ id: number }];
  const [draft] = await sql`insert into products (slug, title, status) values ('link-page-test-draft', 'Draft for the link page test', 'draft') returning id`;
  draftId = draft!.id;
});
afterAll(async () => {
  await sql`delete from link_page_links`;
  // The seed's links back for the files after this one (as new rows: ids are the database's).
  for (const row of seeded) await sql`insert into link_page_links ${sql(row, "position", "kind", "product_id", "collection_id", "url", "label", "created_at")}`;
  await sql`delete from products where slug like 'link-page-test-%'`;
  await sql.end();
});
beforeEach(() => {
  expired.length = 0;
});

describe("the demo seed", () => {
  it("gives /links a product, collections, the newsletter and a custom link, with an intro", async () => {
    expect(seeded.map((r) => r.kind)).toEqual(["product", "collection", "newsletter", "collection", "url"]);
    const page = await getLinkPage();
    expect(page.intro).toMatch(/workshop/);
    expect(page.links[0]!.product?.published).toBe(true);
  });
});

describe("editing the link page", () => {
  beforeAll(async () => {
    await sql`delete from link_page_links`;
  });

  it("adds each kind of link at the end, audited, and expires /links after the commit", async () => {
    const before = await auditCount("link-page.add");
    for (const fields of [
      { kind: "product", productId, label: "" },
      { kind: "collection", collectionId, label: "The collection" },
      { kind: "newsletter", label: "" },
      { kind: "url", url: "https://example.com/open-day", label: "Open day" },
    ]) {
      const result = await addLinkAction(null, form(fields));
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    expect((await order()).map((r) => [r.position, r.kind])).toEqual([
      [0, "product"],
      [1, "collection"],
      [2, "newsletter"],
      [3, "url"],
    ]);
    expect(await auditCount("link-page.add")).toBe(before + 4);
    expect(expired.filter((t) => t === "link-page")).toHaveLength(4);
  });

  it("refuses a product shoppers cannot see, an unsafe address, and a full list, and changes nothing", async () => {
    const was = await order();
    const draft = await addLinkAction(null, form({ kind: "product", productId: draftId }));
    expect(draft).toMatchObject({ ok: false, fieldErrors: { productId: [expect.stringMatching(/not on sale/)] } });
    const script = await addLinkAction(null, form({ kind: "url", url: "javascript:alert(1)", label: "Hi" }));
    expect(script).toMatchObject({ ok: false, fieldErrors: { url: [expect.any(String)] } });
    const missing = await addLinkAction(null, form({ kind: "collection", collectionId: 999999 }));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { collectionId: [expect.any(String)] } });
    expect(await order()).toEqual(was);
    expect(expired).toEqual([]);
  });

  it("moves a link one step, and refuses the second click of a double click (the form is stale)", async () => {
    const [first, second] = await order();
    const click = form({ id: second!.id, direction: "up", neighbourId: first!.id });
    const both = await Promise.all([moveLinkAction(null, click), moveLinkAction(null, click)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    const now = await order();
    expect(now.slice(0, 2).map((r) => r.id)).toEqual([second!.id, first!.id]);
    expect(now.map((r) => r.position)).toEqual([0, 1, 2, 3]);
  });

  it("keeps positions 0…n-1 when many people add, move and remove at once", async () => {
    const start = await order();
    const changes = [
      ...Array.from({ length: 6 }, (_, i) => addLinkAction(null, form({ kind: "url", url: `/collections?e=${i}`, label: `Parallel ${i}` }))),
      moveLinkAction(null, form({ id: start[2]!.id, direction: "down", neighbourId: start[3]!.id })),
      moveLinkAction(null, form({ id: start[1]!.id, direction: "up", neighbourId: start[0]!.id })),
      removeLinkAction(null, form({ id: start[3]!.id })),
    ];
    const results = await Promise.all(changes);
    const now = await order();
    expect(now.map((r) => r.position)).toEqual(now.map((_, i) => i));
    const added = results.slice(0, 6).filter((r) => r.ok).length;
    const removed = results[8]!.ok ? 1 : 0;
    expect(added).toBe(6);
    expect(now).toHaveLength(start.length + added - removed);
  });

  it("removes a link and closes the gap; removing it again says it is already gone", async () => {
    const [first] = await order();
    expect((await removeLinkAction(null, form({ id: first!.id }))).ok).toBe(true);
    const again = await removeLinkAction(null, form({ id: first!.id }));
    expect(again).toMatchObject({ ok: false, code: "not_found" });
    const now = await order();
    expect(now[0]!.position).toBe(0);
    expect(now.map((r) => r.position)).toEqual(now.map((_, i) => i));
  });

  it("refuses malformed moves without touching the list", async () => {
    const was = await order();
    for (const fields of [{ id: "abc", direction: "up", neighbourId: 1 }, { id: was[0]!.id, direction: "up", neighbourId: 0 }, { id: was[0]!.id, direction: "down", neighbourId: was[0]!.id }]) {
      expect((await moveLinkAction(null, form(fields))).ok).toBe(false);
    }
    expect(await order()).toEqual(was);
  });

  it("holds at most MAX_LINKS links", async () => {
    const count = (await order()).length;
    for (let i = count; i < MAX_LINKS; i++) expect((await addLinkAction(null, form({ kind: "newsletter" }))).ok).toBe(true);
    const full = await addLinkAction(null, form({ kind: "newsletter" }));
    expect(full).toMatchObject({ ok: false, code: "conflict" });
    expect(await order()).toHaveLength(MAX_LINKS);
    await sql`delete from link_page_links where kind = 'newsletter' and label = ''`;
  });

  it("shows a product's current title, leaves it out while unpublished, and drops the link when the product is deleted", async () => {
    const [product] = await sql`insert into products (slug, title, status) values ('link-page-test-mug', 'Test mug', 'published') returning id`;
    expect((await addLinkAction(null, form({ kind: "product", productId: product!.id }))).ok).toBe(true);
    await sql`update products set title = 'Renamed mug', status = 'draft' where id = ${product!.id}`;
    const link = (await getLinkPage()).links.find((l) => l.product?.id === product!.id);
    expect(link?.product).toMatchObject({ title: "Renamed mug", published: false });
    await sql`delete from products where id = ${product!.id}`;
    expect((await getLinkPage()).links.some((l) => l.product?.id === product!.id)).toBe(false);
  });

  it("saves the intro, audited, and says so when nothing changed", async () => {
    const saved = await saveLinkPageIntroAction(null, form({ intro: "  Made slowly.\r\nFound here.  " }));
    expect(saved).toMatchObject({ ok: true, data: { intro: "Made slowly.\nFound here." } });
    expect(expired).toEqual(["link-page"]);
    expect((await getLinkPage()).intro).toBe("Made slowly.\nFound here.");
    expired.length = 0;
    const same = await saveLinkPageIntroAction(null, form({ intro: "Made slowly.\nFound here." }));
    expect(same).toMatchObject({ ok: true, message: "Nothing had changed." });
    expect(expired).toEqual([]);
    expect((await saveLinkPageIntroAction(null, form({ intro: "x".repeat(301) }))).ok).toBe(false);
  });
});
