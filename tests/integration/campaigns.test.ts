import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startMailCapture } from "../../scripts/lib/mail-capture";
import { testSql } from "../support/sql";

/*
 * Segments and campaigns through the marketer's actions (adminAction: permission, form
 * validation, one transaction with its audit entry) and the route handlers the pages poll.
 * Only the session is replaced; the database, the audience query and the email module are real.
 */
const caller = vi.hoisted(() => ({ role: "marketer" as string }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  const user = () => ({ id: "marketer-it", email: "mia-it@example.com", name: "Mia", role: caller.role });
  return {
    requireUser: async () => user(),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return user();
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const redirects = vi.hoisted(() => [] as string[]);
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirects.push(to) }));

let capture: Awaited<ReturnType<typeof startMailCapture>>;
beforeAll(async () => {
  capture = await startMailCapture();
  process.env.RESEND_BASE_URL = capture.url;
});

const segmentActions = await import("@/app/admin/marketing/segments/actions");
const campaignActions = await import("@/app/admin/marketing/campaigns/actions");
const { getSegment, listSegments } = await import("@/db/queries/segments");
const { getCampaign, listCampaigns } = await import("@/db/queries/campaigns");
const { getCampaignStats } = await import("@/db/queries/campaign-stats");
const { getCampaignProgress } = await import("@/db/queries/campaign-sending");
const { campaignEmailFor, sampleRecipient } = await import("@/lib/marketing/campaign-email");
const countRoute = await import("@/app/admin/marketing/segments/count/route");
const previewRoute = await import("@/app/admin/marketing/campaigns/preview/route");
const progressRoute = await import("@/app/admin/marketing/campaigns/[id]/progress/route");

const sql = testSql();
const tag = randomUUID().slice(0, 8);
/** A source only this file's subscribers signed up through, so counts are exact. */
const source = `utm:it-${tag}`;

afterAll(async () => {
  await sql`delete from campaigns where subject like ${`%${tag}%`}`;
  await sql`delete from segments where name like ${`%${tag}%`}`;
  await capture.stop();
  await sql.end();
});
beforeEach(() => {
  caller.role = "marketer";
  redirects.length = 0;
});

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
}

/** A confirmed subscriber who signed up through this file's source for `topics`. */
async function subscriber(topics: string[]) {
  const email = `camp-${tag}-${randomUUID().slice(0, 6)}@example.com`;
  const [row] = await sql`insert into subscribers (email, confirmed_at) values (${email}, now()) returning id`;
  for (const topic of topics) {
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${row!.id}, ${topic}, 'granted', 'newsletter-signup@2026-11', ${source}, 'double_opt_in')`;
  }
  return { id: row!.id as string, email };
}

const segmentFields = (name: string, extra: Record<string, string | string[]> = {}) => ({ name, topics: [], sources: [], otherSources: source, signedUpFrom: "", signedUpTo: "", purchase: "none", purchaseDays: "", purchaseCollectionId: "", ...extra });

async function createSegment(name: string, extra: Record<string, string | string[]> = {}) {
  const result = await segmentActions.createSegmentAction(null, form(segmentFields(name, extra)));
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: { id: string } }).data.id;
}

async function createCampaign(fields: Record<string, string> = {}) {
  const result = await campaignActions.createCampaignAction(null, form({ subject: `Autumn ${tag}`, preheader: "New pots", topic: "newsletter:new-arrivals", segmentId: "", body: "# Hello\n\nNew **mugs**.", ...fields }));
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: { id: string } }).data.id;
}

async function auditCount(action: string, entityId: string) {
  const [row] = await sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`;
  return row!.n as number;
}

describe("segments", () => {
  it("are created, listed and changed by a marketer, each change on record", async () => {
    const id = await createSegment(`Instagram ${tag}`, { topics: ["newsletter:offers"], purchase: "not-ordered-in-days", purchaseDays: "90" });
    expect(redirects).toEqual([`/admin/marketing/segments/${id}?saved=1`]);
    const saved = await getSegment(id);
    expect(saved?.rules).toEqual({ topics: ["newsletter:offers"], sources: [source], purchase: { kind: "not-ordered-in-days", days: 90 } });
    expect((await listSegments()).some((s) => s.id === id)).toBe(true);

    const update = await segmentActions.updateSegmentAction(null, form({ id, ...segmentFields(`Instagram buyers ${tag}`, { signedUpFrom: "2026-01-01" }) }));
    expect(update.ok).toBe(true);
    expect((await getSegment(id))?.rules).toEqual({ topics: [], sources: [source], signedUpFrom: "2026-01-01" });
    expect(await auditCount("segment.create", id)).toBe(1);
    expect(await auditCount("segment.update", id)).toBe(1);
  });

  it("refuses bad rules with every field's error, and changes nothing", async () => {
    const before = (await listSegments()).length;
    const result = await segmentActions.createSegmentAction(
      null,
      form(segmentFields("", { purchase: "not-ordered-in-days", purchaseDays: "0", signedUpFrom: "2026-05-01", signedUpTo: "2026-04-01", otherSources: "bad source!" })),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["name", "otherSources", "purchaseDays", "signedUpTo"]);
    const missing = await segmentActions.createSegmentAction(null, form(segmentFields(`Gone ${tag}`, { purchase: "bought-from-collection", purchaseCollectionId: "999999" })));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.fieldErrors?.purchaseCollectionId).toBeTruthy();
    expect((await listSegments()).length).toBe(before);
  });

  it("are closed to staff, who run orders, not the newsletter", async () => {
    caller.role = "staff";
    const result = await segmentActions.createSegmentAction(null, form(segmentFields(`Staff ${tag}`)));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    const response = await countRoute.GET(new Request("http://shop.test/admin/marketing/segments/count"));
    expect(response.status).toBe(403);
    expect((await listSegments()).some((s) => s.name === `Staff ${tag}`)).toBe(false);
  });

  it("cannot be deleted while a campaign uses it; can once none does", async () => {
    const id = await createSegment(`In use ${tag}`);
    const campaignId = await createCampaign({ segmentId: id });
    const refused = await segmentActions.deleteSegmentAction(null, form({ id }));
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(!refused.ok && refused.message).toMatch(/is used by a campaign, so it cannot be deleted/);
    expect(await getSegment(id)).not.toBeNull();
    expect(await auditCount("segment.delete", id)).toBe(0);

    const moved = await campaignActions.updateCampaignAction(null, form({ id: campaignId, subject: `Autumn ${tag}`, preheader: "", topic: "newsletter:new-arrivals", segmentId: "", body: "Hi" }));
    expect(moved.ok).toBe(true);
    const deleted = await segmentActions.deleteSegmentAction(null, form({ id }));
    expect(deleted.ok).toBe(true);
    expect(await getSegment(id)).toBeNull();
    expect(await auditCount("segment.delete", id)).toBe(1);
  });

  it("live count: the route counts per topic with the audience query's rules, and refuses bad rules", async () => {
    const both = await subscriber(["newsletter:new-arrivals", "newsletter:offers"]);
    await subscriber(["newsletter:new-arrivals"]);
    const url = (q: string) => new Request(`http://shop.test/admin/marketing/segments/count?otherSources=${encodeURIComponent(source)}&${q}`);
    const counts = async (q: string) => ((await (await countRoute.GET(url(q))).json()) as { counts: { topic: string; count: number }[] }).counts;
    const all = await counts("");
    const base = Object.fromEntries(all.map((c) => [c.topic, c.count]));
    expect(base["newsletter:new-arrivals"]).toBeGreaterThanOrEqual(2);
    // Also subscribed to Offers: one fewer on New arrivals.
    const narrowed = Object.fromEntries((await counts("topics=newsletter:offers")).map((c) => [c.topic, c.count]));
    expect(narrowed["newsletter:new-arrivals"]).toBe(base["newsletter:new-arrivals"]! - 1);
    // Someone who unsubscribes is counted no more.
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${both.id}, 'newsletter:offers', 'withdrawn', 'newsletter-signup@2026-11', 'email-link', 'unsubscribe_link')`;
    expect(await counts("topic=newsletter:offers")).toEqual([{ topic: "newsletter:offers", label: "Offers and events", count: base["newsletter:offers"]! - 1 }]);
    const bad = await countRoute.GET(url("purchase=not-ordered-in-days&purchaseDays=x"));
    expect(bad.status).toBe(422);
  });
});

describe("campaigns", () => {
  it("drafts are written and changed; the list shows them newest first with their state", async () => {
    const id = await createCampaign();
    expect(redirects).toEqual([`/admin/marketing/campaigns/${id}?saved=1`]);
    const update = await campaignActions.updateCampaignAction(null, form({ id, subject: `Winter ${tag}`, preheader: "", topic: "newsletter:offers", segmentId: "", body: "Cold days." }));
    expect(update.ok).toBe(true);
    expect(await getCampaign(id)).toMatchObject({ subject: `Winter ${tag}`, topic: "newsletter:offers", body: "Cold days.", status: "draft", segmentId: null });
    const { rows } = await listCampaigns(1);
    expect(rows[0]?.id).toBe(id);
    expect(await auditCount("campaign.update", id)).toBe(1);

    const invalid = await campaignActions.updateCampaignAction(null, form({ id, subject: "", preheader: "", topic: "newsletter:nope", segmentId: "x", body: "" }));
    expect(invalid.ok).toBe(false);
    expect(Object.keys((!invalid.ok && invalid.fieldErrors) || {}).sort()).toEqual(["segmentId", "subject", "topic"]);
  });

  it("a marketer sends a test to themselves: the real email, marked [Test], with its unsubscribe headers", async () => {
    const result = await campaignActions.sendTestCampaignAction(null, form({ id: "", subject: `Test me ${tag}`, preheader: "Pre", topic: "newsletter:new-arrivals", segmentId: "", body: "Look at **this**." }));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const mail = capture.messages.find((m) => m.subject === `[Test] Test me ${tag}`);
    expect(mail?.to).toEqual(["mia-it@example.com"]);
    expect(mail?.html).toMatch(/<strong[^>]*>this<\/strong>/);
    expect(mail?.text).toContain("You subscribed to New arrivals on");
    expect(mail?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const [record] = await sql`select category, reason from email_messages where subject = ${`[Test] Test me ${tag}`}`;
    expect(record).toEqual({ category: "transactional", reason: "You sent yourself a test of a campaign from the admin." });
  });

  it("the preview route renders the draft with the same function as the send", async () => {
    const draft = { subject: `Preview ${tag}`, preheader: "", body: "## Hi there", topic: "newsletter:offers" };
    const response = await previewRoute.POST(new Request("http://shop.test/admin/marketing/campaigns/preview", { method: "POST", body: JSON.stringify(draft) }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { html: string; text: string; subject: string };
    const { renderEmail } = await import("@/lib/email/render");
    const expected = await renderEmail(campaignEmailFor({ campaign: draft, recipient: sampleRecipient() }).react);
    expect(body.html).toBe(expected.html);
    expect(body.text).toContain("You subscribed to Offers and events on");
    const tooBig = await previewRoute.POST(new Request("http://shop.test/x", { method: "POST", body: JSON.stringify({ ...draft, body: "x".repeat(60_000) }) }));
    expect(tooBig.status).toBe(422);
    caller.role = "staff";
    const refused = await previewRoute.POST(new Request("http://shop.test/x", { method: "POST", body: JSON.stringify(draft) }));
    expect(refused.status).toBe(403);
  });

  it("is scheduled only for the future, and unscheduled back to a draft", async () => {
    const id = await createCampaign();
    const past = await campaignActions.scheduleCampaignAction(null, form({ id, sendAt: "2020-01-01T09:00" }));
    expect(past.ok).toBe(false);
    expect(!past.ok && past.fieldErrors?.sendAt?.[0]).toMatch(/future/);
    const next = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(next).replace(" ", "T");
    const scheduled = await campaignActions.scheduleCampaignAction(null, form({ id, sendAt: local }));
    expect(scheduled.ok, JSON.stringify(scheduled)).toBe(true);
    const row = await getCampaign(id);
    expect(row?.status).toBe("scheduled");
    expect(Math.abs(row!.scheduledAt!.getTime() - next.getTime())).toBeLessThan(60_000);
    expect((await campaignActions.unscheduleCampaignAction(null, form({ id }))).ok).toBe(true);
    expect((await getCampaign(id))?.status).toBe("draft");
  });

  it("send now snapshots the audience, and from then on its content is frozen (the action and the database both refuse)", async () => {
    const a = await subscriber(["newsletter:offers"]);
    const b = await subscriber(["newsletter:offers"]);
    const segmentId = await createSegment(`Send ${tag}`);
    const id = await createCampaign({ topic: "newsletter:offers", segmentId });

    caller.role = "staff";
    expect(await campaignActions.sendCampaignNowAction(null, form({ id }))).toMatchObject({ ok: false, code: "forbidden" });
    caller.role = "marketer";
    const sent = await campaignActions.sendCampaignNowAction(null, form({ id }));
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    const recipients = await sql`select subscriber_id from campaign_recipients where campaign_id = ${id}`;
    expect(recipients.map((r) => r.subscriber_id).sort()).toEqual(expect.arrayContaining([a.id, b.id].sort()));
    const progress = await getCampaignProgress(id);
    expect(progress).toMatchObject({ status: "sending", recipients: recipients.length, remaining: recipients.length, sent: 0 });

    const edit = await campaignActions.updateCampaignAction(null, form({ id, subject: `Changed ${tag}`, preheader: "", topic: "newsletter:offers", segmentId, body: "Other" }));
    expect(edit).toMatchObject({ ok: false, code: "conflict" });
    await expect(sql`update campaigns set body = 'sneaky' where id = ${id}`).rejects.toThrow(/can no longer change/);
    expect((await getCampaign(id))?.body).toBe("# Hello\n\nNew **mugs**.");
    // Sending twice is refused, not a second snapshot.
    expect(await campaignActions.sendCampaignNowAction(null, form({ id }))).toMatchObject({ ok: false, code: "conflict" });
    // The segment it used can no longer be deleted.
    expect(await segmentActions.deleteSegmentAction(null, form({ id: segmentId }))).toMatchObject({ ok: false, code: "conflict" });

    const response = await progressRoute.GET(new Request("http://shop.test/x"), { params: Promise.resolve({ id }) });
    expect(await response.json()).toMatchObject({ status: "sending", remaining: recipients.length });
    expect((await progressRoute.GET(new Request("http://shop.test/x"), { params: Promise.resolve({ id: randomUUID() }) })).status).toBe(404);

    expect((await campaignActions.pauseCampaignAction(null, form({ id }))).ok).toBe(true);
    expect((await campaignActions.resumeCampaignAction(null, form({ id }))).ok).toBe(true);
    expect((await campaignActions.cancelCampaignAction(null, form({ id }))).ok).toBe(true);
    expect(await getCampaignProgress(id)).toMatchObject({ status: "cancelled", remaining: 0, cancelled: recipients.length });
    expect(await getCampaignStats(id)).toMatchObject({ recipients: recipients.length, sent: 0, delivered: 0, clicks: 0 });
    for (const action of ["campaign.send", "campaign.pause", "campaign.resume", "campaign.cancel"]) expect(await auditCount(action, id)).toBe(1);
  });

  it("an empty email cannot be sent", async () => {
    const id = await createCampaign({ body: "   " });
    const result = await campaignActions.sendCampaignNowAction(null, form({ id }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((await getCampaign(id))?.status).toBe("draft");
  });
});
