import { describe, expect, it } from "vitest";
import { dateParam, dayAfterParam } from "@/lib/admin/list-params";

/** Date filters are days as the shop lives them (Europe/London in the demo), like the lists and the overview. */
describe("admin date filters", () => {
  it("start at local midnight, an hour before UTC in summer", () => {
    expect(dateParam({ from: "2026-06-01" }, "from")?.toISOString()).toBe("2026-05-31T23:00:00.000Z");
    expect(dayAfterParam({ to: "2026-06-30" }, "to")?.toISOString()).toBe("2026-06-30T23:00:00.000Z");
  });

  it("follow the clock change: the day after 25 October 2026, when the clocks go back, starts at UTC midnight", () => {
    expect(dayAfterParam({ to: "2026-10-25" }, "to")?.toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(dateParam({ from: "2026-12-01" }, "from")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("ignore anything that is not a calendar day", () => {
    expect(dateParam({ from: "2026-13-45" }, "from")).toBeUndefined();
    expect(dateParam({ from: "yesterday" }, "from")).toBeUndefined();
    expect(dayAfterParam({}, "to")).toBeUndefined();
  });
});
