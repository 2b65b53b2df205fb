import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { signupSources } from "@/lib/consent/purposes";
import { segmentRulesSchema, type SegmentRules } from "@/lib/marketing/segment-rules";
import { getDb, type Tx } from "../index";
import { campaigns, segments } from "../schema";

/*
 * Saved segments: a name and a set of rules, never a list of people. Who they match is worked
 * out by the audience query when a campaign sends (db/queries/audience.ts).
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rules as stored; null when this version cannot read them (shown, never sent to). */
function readRules(value: unknown): SegmentRules | null {
  const parsed = segmentRulesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type SegmentRowDto = { id: string; name: string; rules: SegmentRules | null; campaigns: number; updatedAt: Date };

/** Every segment, most recently changed first, with how many campaigns use each. */
export async function listSegments(): Promise<SegmentRowDto[]> {
  const rows = await getDb()
    .select({ id: segments.id, name: segments.name, rules: segments.rules, updatedAt: segments.updatedAt, campaigns: sql<number>`(select count(*)::int from campaigns c where c.segment_id = ${segments.id})` })
    .from(segments)
    .orderBy(desc(segments.updatedAt), asc(segments.id))
    .limit(500);
  return rows.map((r) => ({ id: r.id, name: r.name, rules: readRules(r.rules), campaigns: Number(r.campaigns), updatedAt: r.updatedAt }));
}

export type SegmentChoiceDto = { id: string; name: string };

export async function listSegmentChoices(): Promise<SegmentChoiceDto[]> {
  return getDb().select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name), asc(segments.id)).limit(500);
}

export type SegmentDto = {
  id: string;
  name: string;
  rules: SegmentRules | null;
  createdAt: Date;
  updatedAt: Date;
  /** The campaigns that name it (newest first): it cannot be deleted while there are any. */
  usedBy: { id: string; subject: string; status: string }[];
};

export async function getSegment(id: string): Promise<SegmentDto | null> {
  if (!uuid.test(id)) return null;
  const [row] = await getDb().select().from(segments).where(eq(segments.id, id));
  if (!row) return null;
  const usedBy = await getDb()
    .select({ id: campaigns.id, subject: campaigns.subject, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.segmentId, id))
    .orderBy(desc(campaigns.createdAt))
    .limit(50);
  return { id: row.id, name: row.name, rules: readRules(row.rules), createdAt: row.createdAt, updatedAt: row.updatedAt, usedBy };
}

export async function createSegment(tx: Tx, input: { name: string; rules: SegmentRules; createdBy: string }): Promise<{ id: string }> {
  const [row] = await tx.insert(segments).values({ name: input.name, rules: input.rules, createdBy: input.createdBy }).returning({ id: segments.id });
  return row!;
}

type SegmentSnapshot = { name: string; rules: unknown };

export async function updateSegment(tx: Tx, id: string, input: { name: string; rules: SegmentRules }): Promise<{ before: SegmentSnapshot; after: SegmentSnapshot }> {
  const [before] = await tx.select({ name: segments.name, rules: segments.rules }).from(segments).where(eq(segments.id, id)).for("update");
  if (!before) throw new AppError("not_found", "That segment no longer exists. It may have been deleted.");
  await tx.update(segments).set({ name: input.name, rules: input.rules, updatedAt: sql`now()` }).where(eq(segments.id, id));
  return { before, after: { name: input.name, rules: input.rules } };
}

/**
 * Deletes a segment no campaign names. A campaign keeps the segment it was written for (its
 * record says who it went to), so one in use is refused; the foreign key refuses it too if a
 * campaign picks the segment at the same moment.
 */
export async function deleteSegment(tx: Tx, id: string): Promise<{ name: string }> {
  const [row] = await tx.select({ name: segments.name }).from(segments).where(eq(segments.id, id)).for("update");
  if (!row) throw new AppError("not_found", "That segment no longer exists. It may have been deleted already.");
  const [used] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from campaigns where segment_id = ${id}`);
  if (used && used.n > 0) {
    throw new AppError("conflict", `“${row.name}” is used by ${used.n === 1 ? "a campaign" : `${used.n} campaigns`}, so it cannot be deleted. Choose another segment in ${used.n === 1 ? "that campaign" : "those campaigns"} first; sent campaigns keep theirs for the record.`);
  }
  try {
    await tx.execute(sql`delete from segments where id = ${id}`);
  } catch (error) {
    if ((error as { cause?: { code?: string }; code?: string }).cause?.code === "23503" || (error as { code?: string }).code === "23503") {
      throw new AppError("conflict", `“${row.name}” was just chosen for a campaign, so it cannot be deleted.`);
    }
    throw error;
  }
  return { name: row.name };
}

/**
 * Where people signed up, for the rules editor's choices: the shop's own forms, checkout, and
 * every other source the ledger has seen first for a newsletter topic (utm:instagram…).
 */
export async function listSignupSources(): Promise<string[]> {
  // Places a person changes their mind (preferences, unsubscribe links) are not signups.
  const rows = await getDb().execute<{ source: string }>(sql`
    select distinct source from consent_events
    where subscriber_id is not null and purpose like 'newsletter:%' and action in ('requested', 'granted')
      and source not in ('preferences-page', 'email-link', 'email-header', 'privacy-centre', 'account-deletion')
    order by 1 limit 40`);
  const known = [...signupSources, "checkout"];
  return [...known, ...rows.map((r) => r.source).filter((s) => !known.includes(s as never))];
}
