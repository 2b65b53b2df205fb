import { describe, expect, it } from "vitest";
import { findTopic, importedSource, importedWordingId, parseConsentDate, validateSubscriberRecords } from "@/lib/marketing/subscriber-csv";

const header = ["email", "topics", "consent_source", "consent_date", "consent_wording"];
const now = new Date("2026-11-23T12:00:00Z");

describe("the subscriber import file", () => {
  it("reads a topic by id, short id or label, in any case", () => {
    expect(findTopic("newsletter:offers")).toBe("newsletter:offers");
    expect(findTopic(" New-Arrivals ")).toBe("newsletter:new-arrivals");
    expect(findTopic("offers and events")).toBe("newsletter:offers");
    expect(findTopic("gardening")).toBeNull();
  });

  it("keeps where consent was given as an import source slug", () => {
    expect(importedSource("Website pop-up (2023)")).toBe("import:website-pop-up-2023");
    expect(importedSource("Café stall")).toBe("import:cafe-stall");
    expect(importedSource("!!!")).toBeNull();
  });

  it("gives the same words the same id, whatever the line ends, and different words another", () => {
    expect(importedWordingId("Email me.\r\nThanks ")).toBe(importedWordingId("Email me.\nThanks"));
    expect(importedWordingId("Email me.")).not.toBe(importedWordingId("Email me!"));
    expect(importedWordingId("Email me.")).toMatch(/^imported-[0-9a-f]{24}$/);
  });

  it("accepts a past ISO date or time, and refuses the future, non-dates and other formats", () => {
    expect(parseConsentDate("2024-07-01", now)).toEqual({ ok: true, at: new Date("2024-06-30T23:00:00Z") }); // London summer time
    expect(parseConsentDate("2026-11-23", now)).toMatchObject({ ok: true });
    expect(parseConsentDate("2026-11-23T11:00:00+00:00", now)).toMatchObject({ ok: true });
    expect(parseConsentDate("2026-11-24", now)).toMatchObject({ ok: false, message: expect.stringMatching(/future/) });
    expect(parseConsentDate("2026-11-23T13:00:00Z", now)).toMatchObject({ ok: false, message: expect.stringMatching(/future/) });
    expect(parseConsentDate("2024-02-30", now)).toMatchObject({ ok: false, message: expect.stringMatching(/not a date/) });
    expect(parseConsentDate("15/03/2024", now)).toMatchObject({ ok: false, message: expect.stringMatching(/YYYY-MM-DD/) });
    expect(parseConsentDate("", now)).toMatchObject({ ok: false });
  });

  it("reports every problem of every row, and a duplicate address on its second row", () => {
    const result = validateSubscriberRecords(
      header,
      [
        { email: "a@example.com", topics: "offers", consent_source: "Shop", consent_date: "2024-01-01", consent_wording: "Yes please" },
        { email: "A@example.com", topics: "", consent_source: "Shop", consent_date: "2024-01-01", consent_wording: " " },
      ],
      now,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => `${i.row}:${i.column}`)).toEqual(["3:email", "3:topics", "3:consent_wording"]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });
});
