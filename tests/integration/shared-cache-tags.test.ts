import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTagSync, type Manifest, type TagSync } from "@/lib/cache/shared-tags.mjs";
import { testSql } from "../support/sql";

/**
 * Two app servers' tag maps, kept in step through PostgreSQL (lib/cache/shared-tags.mjs). Each
 * "server" here is its own sync with its own connections and its own map, as in two processes.
 */
const sql = testSql();
const syncs: TagSync[] = [];

function server() {
  const manifest: Manifest = new Map();
  const sync = createTagSync({ databaseUrl: process.env.DATABASE_URL!, manifest, log: () => {} });
  syncs.push(sync);
  return { manifest, sync };
}

async function within(ms: number, check: () => boolean) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

beforeAll(async () => {
  await sql`delete from cache_tags`;
});

afterAll(async () => {
  await Promise.all(syncs.map((s) => s.stop()));
  await sql.end();
});

describe("cache tags shared across app servers", () => {
  it("an expiry on one server reaches the other's map within a second, and is stored", async () => {
    const a = server();
    const b = server();
    await Promise.all([a.sync.ready(), b.sync.ready()]);
    const before = Date.now();
    await a.sync.publish(["product:linen-overshirt", "catalog"]);
    const took = await within(1000, () => typeof b.manifest.get("product:linen-overshirt")?.expired === "number");
    expect(took, "the other server heard of it within 1 s").not.toBeNull();
    expect(b.manifest.get("catalog")?.expired).toBeGreaterThanOrEqual(before);
    // An entry made before the expiry is no longer good there; one made after it is.
    expect(b.manifest.get("catalog")!.expired!).toBeLessThanOrEqual(Date.now());
    // The server that made the change does not re-apply its own announcement (Next already did).
    expect(a.manifest.has("catalog")).toBe(false);
    const rows = await sql<{ tag: string }[]>`select tag from cache_tags where expired_at is not null order by tag`;
    expect(rows.map((r) => r.tag)).toEqual(["catalog", "product:linen-overshirt"]);
  });

  it("a profile's expiry makes entries stale now and expired later, as Next's own handlers do", async () => {
    const a = server();
    const b = server();
    await Promise.all([a.sync.ready(), b.sync.ready()]);
    const before = Date.now();
    await a.sync.publish(["settings"], { expire: 3600 });
    await within(1000, () => b.manifest.has("settings"));
    const times = b.manifest.get("settings")!;
    expect(times.stale).toBeGreaterThanOrEqual(before);
    expect(times.expired! - times.stale!).toBeGreaterThanOrEqual(3_599_000);
    expect(times.expired! - times.stale!).toBeLessThanOrEqual(3_601_000);
  });

  it("a server that starts later reads what it missed from the table", async () => {
    const a = server();
    await a.sync.ready();
    await a.sync.publish(["collection:knitwear"]);
    const late = server();
    await late.sync.ready();
    expect(late.manifest.get("collection:knitwear")?.expired).toBeTypeOf("number");
  });

  it("a server whose connection is cut reconnects and catches up on what happened meanwhile", async () => {
    const a = server();
    const b = server();
    await Promise.all([a.sync.ready(), b.sync.ready()]);
    const reloadsBefore = b.sync.reloads;
    // Cut every listening connection of the sync processes (b's among them), then change a tag
    // while b may still be reconnecting.
    const cut = await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hearth-cache-tags' and query ilike 'listen%'`;
    expect(cut.length, "the listening connections were found and cut").toBeGreaterThanOrEqual(2);
    await a.sync.publish(["product:everyday-mug"]).catch(async () => {
      // a's own connection may have been one of those cut: a retry is what the next change does.
      await a.sync.publish(["product:everyday-mug"]);
    });
    const took = await within(10_000, () => typeof b.manifest.get("product:everyday-mug")?.expired === "number");
    expect(took, "b learned of the change after reconnecting").not.toBeNull();
    expect(await within(10_000, () => b.sync.reloads > reloadsBefore), "b re-read the table after reconnecting").not.toBeNull();
  });

  it("many tags at once are announced in slices under PostgreSQL's payload limit", async () => {
    const a = server();
    const b = server();
    await Promise.all([a.sync.ready(), b.sync.ready()]);
    const tags = Array.from({ length: 2000 }, (_, i) => `product:generated-product-number-${i}`);
    await a.sync.publish(tags);
    const took = await within(2000, () => tags.every((t) => b.manifest.has(t)));
    expect(took).not.toBeNull();
  });
});
