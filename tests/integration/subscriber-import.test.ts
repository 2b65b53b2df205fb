import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * The subscriber CSV import and the filtered export against a real database, through the
 * server action and the route handler. Only the session is replaced (Auth.js needs a request).
 */
const caller = vi.hoisted(() => ({ role: "marketer" as string, recent: true }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  const staff = () => ({ id: "staff-subimport", email: "marketer-it@example.com", name: "Mo", role: caller.role });
  return {
    requireUser: async () => staff(),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return staff();
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ signedInRecently: async () => caller.recent }));

const { importSubscribersAction } = await import("@/app/admin/marketing/subscribers/actions");
const { GET: exportCsv } = await import("@/app/admin/marketing/subscribers/export.csv/route");
const { listSubscribers } = await import("@/db/queries/admin-subscribers");
const { listConsentHistory, recordConsentChange } = await import("@/db/queries/consent");
const { importedWordingId } = await import("@/lib/marketing/subscriber-csv");
const { suppressionHash } = await import("@/lib/privacy/erasure");

const sql = testSql();
const marker = `si${randomUUID().slice(0, 6)}`;
const address = (name: string) => `${name}-${marker}@example.com`;
const HEADER = "email,topics,consent_source,consent_date,consent_wording";
const WORDING = "Yes, email me when new pieces arrive and about offers.";

afterAll(async () => {
  await sql`select set_config('hearth.erasing', 'on', false)`;
  await sql`delete from consent_events where subscriber_id in (select id from subscribers where email like ${`%${marker}%`})`;
  await sql`delete from subscribers where email like ${`%${marker}%`}`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "marketer";
  caller.recent = true;
});

async function importCsv(lines: string[]) {
  const form = new FormData();
  form.set("file", new File([[HEADER, ...lines].join("\n")], "subscribers.csv", { type: "text/csv" }));
  return importSubscribersAction(null, form);
}

/** Everything an import could change, for "nothing was applied". */
async function fingerprint() {
  const [row] = await sql`select
    (select count(*)::int from subscribers) as subscribers,
    (select count(*)::int from consent_events) as events,
    (select count(*)::int from consent_wordings) as wordings,
    (select count(*)::int from audit_log where action = 'subscriber.import') as audits`;
  return row;
}

async function subscriberId(email: string): Promise<string | null> {
  const [row] = await sql`select id from subscribers where email = ${email}`;
  return (row?.id as string) ?? null;
}

describe("importing subscribers from a CSV file", () => {
  it("imports a valid file: confirmed subscribers, one ledger grant per topic with the declared date and the wording's id, audited with counts only", async () => {
    const ada = address("ada");
    const bob = address("bob");
    const result = await importCsv([
      `${ada.toUpperCase()},New arrivals;Offers and events,Market stall sign-up sheet,2024-03-15,"${WORDING}"`,
      `${bob},newsletter:offers,Website pop-up,2025-01-02T10:30:00Z,"${WORDING}"`,
    ]);
    expect(result).toEqual({ ok: true, data: { added: 2, updated: 0, unchanged: 0, rows: 2 }, message: "Import applied." });

    const adaId = (await subscriberId(ada))!;
    const history = await listConsentHistory({ subscriberId: adaId });
    expect(history.map((e) => [e.purpose, e.action, e.method, e.source, e.wordingId])).toEqual([
      ["newsletter:new-arrivals", "granted", "import", "import:market-stall-sign-up-sheet", importedWordingId(WORDING)],
      ["newsletter:offers", "granted", "import", "import:market-stall-sign-up-sheet", importedWordingId(WORDING)],
    ]);
    // 15 March 2024 in the shop's time zone (London, GMT then).
    expect(history[0]!.declaredAt?.toISOString()).toBe("2024-03-15T00:00:00.000Z");
    const [stored] = await sql`select text from consent_wordings where id = ${importedWordingId(WORDING)}`;
    expect(stored!.text).toBe(WORDING);
    const [subscriber] = await sql`select confirmed_at from subscribers where id = ${adaId}`;
    expect(subscriber!.confirmed_at).not.toBeNull();

    const listed = await listSubscribers({ q: marker, page: 1 });
    expect(listed.rows.map((r) => [r.email, r.status, r.topics, r.source])).toEqual(
      expect.arrayContaining([
        [ada, "active", ["newsletter:new-arrivals", "newsletter:offers"], "import:market-stall-sign-up-sheet"],
        [bob, "active", ["newsletter:offers"], "import:website-pop-up"],
      ]),
    );

    const [entry] = await sql`select summary, before, after from audit_log where action = 'subscriber.import' order by id desc limit 1`;
    expect(entry!.summary).toBe("Imported 2 CSV rows with declared consent: 2 subscribers added, 0 updated, 0 unchanged");
    expect(JSON.stringify(entry)).not.toContain(marker);
  });

  it("importing again changes nothing for topics already granted, and adds only a new topic", async () => {
    const cat = address("cat");
    expect(await importCsv([`${cat},New arrivals,Old shop,2023-06-01,"${WORDING}"`])).toMatchObject({ ok: true, data: { added: 1 } });
    const again = await importCsv([`${cat},New arrivals,Old shop,2023-06-01,"${WORDING}"`]);
    expect(again).toMatchObject({ ok: true, data: { added: 0, updated: 0, unchanged: 1 } });
    const more = await importCsv([`${cat},New arrivals;offers,Old shop,2023-06-01,"${WORDING}"`]);
    expect(more).toMatchObject({ ok: true, data: { added: 0, updated: 1, unchanged: 0 } });
    const history = await listConsentHistory({ subscriberId: (await subscriberId(cat))! });
    expect(history.map((e) => [e.purpose, e.action])).toEqual([
      ["newsletter:new-arrivals", "granted"],
      ["newsletter:offers", "granted"],
    ]);
  });

  it("one bad row: nothing is applied, and every problem is reported by row and column", async () => {
    const before = await fingerprint();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const result = await importCsv([
      `${address("dee")},New arrivals,Website,2024-01-01,"${WORDING}"`,
      `not-an-address,Gardening,,${tomorrow},`,
      `${address("dee")},offers,Website,2024-01-01,"${WORDING}"`,
    ]);
    expect(result).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/^Nothing was imported: 6 problems were found/) });
    const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors)).toEqual(["3:email", "3:topics", "3:consent_source", "3:consent_date", "3:consent_wording", "4:email"]);
    expect(errors["3:topics"]![0]).toMatch(/Unknown topic “Gardening”/);
    expect(errors["3:consent_date"]![0]).toMatch(/in the future/);
    expect(errors["4:email"]![0]).toMatch(/Row 2 already has this address/);
    expect(await fingerprint()).toEqual(before);
    expect(await subscriberId(address("dee"))).toBeNull();
  });

  it("refuses a file without the consent columns, and a file that is not CSV", async () => {
    const form = new FormData();
    form.set("file", new File([`email,topics\n${address("eve")},offers`], "s.csv"));
    const result = await importSubscribersAction(null, form);
    expect(Object.keys((result as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["1:consent_source", "1:consent_date", "1:consent_wording"]);
    const broken = new FormData();
    broken.set("file", new File([`${HEADER}\n"${address("eve")},offers`], "s.csv"));
    expect(await importSubscribersAction(null, broken)).toMatchObject({ ok: false, fieldErrors: { "2:file": [expect.stringMatching(/not a CSV file we can read \(problem on line 2\)/)] } });
  });

  it("refuses addresses on the suppression list, saying only that they asked not to be emailed or bounced", async () => {
    const gone = address("gone");
    const bounced = address("bounced");
    await sql`insert into suppressions (email_hash, reason) values (${suppressionHash(gone)}, 'account_deleted'), (${suppressionHash(bounced)}, 'bounced')`;
    const before = await fingerprint();
    const result = await importCsv([
      `${address("fay")},offers,Website,2024-01-01,"${WORDING}"`,
      `${gone},offers,Website,2024-01-01,"${WORDING}"`,
      `${bounced},offers,Website,2024-01-01,"${WORDING}"`,
    ]);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        "3:email": ["This address asked never to be emailed again, so it is on the do-not-email list and cannot be imported."],
        "4:email": ["Emails to this address bounced, so it is on the do-not-email list and cannot be imported."],
      },
    });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toHaveLength(2);
    expect(await fingerprint()).toEqual(before);
  });

  it("never re-subscribes someone who unsubscribed: that row is refused and their withdrawal stands", async () => {
    const gus = address("gus");
    expect(await importCsv([`${gus},New arrivals;Offers and events,Website,2024-01-01,"${WORDING}"`])).toMatchObject({ ok: true });
    const gusId = (await subscriberId(gus))!;
    await recordConsentChange({ subscriberId: gusId }, { purpose: "newsletter:offers", granted: false, wordingId: "x", source: "email-link", method: "unsubscribe_page" });
    const before = await fingerprint();
    const result = await importCsv([`${gus},Offers and events,Website,2024-01-01,"${WORDING}"`]);
    expect(result).toMatchObject({ ok: false, fieldErrors: { "2:topics": [expect.stringMatching(/unsubscribed from Offers and events here\. Their choice stands/)] } });
    expect(await fingerprint()).toEqual(before);
    const latest = (await listConsentHistory({ subscriberId: gusId })).filter((e) => e.purpose === "newsletter:offers").at(-1);
    expect(latest?.action).toBe("withdrawn");
  });

  it("is refused to staff, who do not run the newsletter", async () => {
    caller.role = "staff";
    const before = await fingerprint();
    expect(await importCsv([`${address("hal")},offers,Website,2024-01-01,"${WORDING}"`])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("the list's states and the filtered export", () => {
  it("bounced and complained win over the ledger, and the export holds exactly the filtered list", async () => {
    const ivy = address("ivy");
    const jon = address("jon");
    const kim = address("kim");
    expect(
      await importCsv([
        `${ivy},New arrivals,Website,2024-01-01,"${WORDING}"`,
        `${jon},New arrivals,Website,2024-01-01,"${WORDING}"`,
        `${kim},Offers and events,"=HYPERLINK(""http://evil.example"")",2024-01-01,"${WORDING}"`,
      ]),
    ).toMatchObject({ ok: true });
    await sql`insert into suppressions (email_hash, reason) values (${suppressionHash(ivy)}, 'bounced'), (${suppressionHash(jon)}, 'complained')`;

    const statuses = async (status: "bounced" | "complained" | "active") => (await listSubscribers({ q: marker, status, page: 1 })).rows.map((r) => r.email);
    expect(await statuses("bounced")).toEqual([ivy]);
    expect(await statuses("complained")).toEqual([jon]);
    expect(await statuses("active")).not.toContain(ivy);
    expect(await statuses("active")).toContain(kim);
    expect((await listSubscribers({ q: marker, source: "import:hyperlink-http-evil-example", page: 1 })).rows.map((r) => r.email)).toEqual([kim]);

    const response = await exportCsv(new Request(`http://shop.test/admin/marketing/subscribers/export.csv?q=${marker}&status=bounced`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { email: ivy, status: "bounced", topics: "newsletter:new-arrivals", source: "import:website", signed_up_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), consent_wording_id: importedWordingId(WORDING) },
    ]);
    const [audit] = await sql`select action, summary from audit_log where action = 'export.download' order by id desc limit 1`;
    expect(audit!.summary).toMatch(/^Downloaded the subscriber list \(filtered: status=bounced, an address search\) CSV/);
    expect(audit!.summary).not.toContain(marker);
  });

  it("the export asks for a recent sign-in, and refuses staff", async () => {
    caller.recent = false;
    const stale = await exportCsv(new Request(`http://shop.test/admin/marketing/subscribers/export.csv?status=active`));
    expect(stale.status).toBe(303);
    expect(stale.headers.get("location")).toBe("/admin/marketing/subscribers?status=active&confirm=1");
    caller.role = "staff";
    expect((await exportCsv(new Request("http://shop.test/admin/marketing/subscribers/export.csv"))).status).toBe(403);
  });
});
