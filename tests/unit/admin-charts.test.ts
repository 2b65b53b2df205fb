import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareFigures } from "@/components/admin/overview/compare";
import { describeChange, describeChangeBriefly, formatMoneyCompact } from "@/components/admin/overview/format";
import { timeSeriesGeometry, type ChartBox } from "@/components/admin/charts/time-series-geometry";

const box: ChartBox = { width: 800, height: 280, margin: { top: 16, right: 32, bottom: 32, left: 64 } };
const format = { day: (d: Date) => d.toISOString().slice(0, 10), value: (v: number) => String(v) };
const week = ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"];

describe("timeSeriesGeometry", () => {
  it("spreads the days across the plot, the first at its left edge and the last at its right", () => {
    const g = timeSeriesGeometry(week.map((day, i) => ({ day, value: i * 1000 })), box, format);
    expect(g.points[0]).toMatchObject({ day: "2026-11-17", x: 64, y: 248 });
    expect(g.points[6]!.x).toBeCloseTo(768);
    expect(g.points[3]!.x).toBeCloseTo((64 + 768) / 2);
    // The highest value (6000) is on the top of a "nice" axis, so it sits at the top edge.
    expect(g.points[6]!.y).toBeCloseTo(16);
    expect(g.line.startsWith("M64,248")).toBe(true);
    expect(g.area).toContain("Z");
  });

  it("labels the value axis from zero with round ticks, and every day on a week-long axis", () => {
    const g = timeSeriesGeometry(week.map((day, i) => ({ day, value: [120, 940, 0, 455, 300, 1710, 80][i]! })), box, format, { xTickCount: 7 });
    expect(g.yTicks.map((t) => t.label)).toEqual(["0", "500", "1000", "1500", "2000"]);
    expect(g.yTicks[0]!.y).toBe(248);
    expect(g.xTicks.map((t) => t.label)).toEqual(week);
  });

  it("puts ticks on whole days only, fewer than the days on a long axis", () => {
    const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2026, 7, 26 + i)).toISOString().slice(0, 10));
    const g = timeSeriesGeometry(days.map((day) => ({ day, value: 1 })), box, format, { xTickCount: 6 });
    expect(g.xTicks.length).toBeGreaterThanOrEqual(3);
    expect(g.xTicks.length).toBeLessThanOrEqual(13);
    for (const t of g.xTicks) expect(t.label).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("draws an empty period as a flat line on a 0–1 axis instead of failing", () => {
    const g = timeSeriesGeometry(week.map((day) => ({ day, value: 0 })), box, format);
    expect(g.points.every((p) => p.y === 248)).toBe(true);
    expect(g.yTicks.at(-1)!.label).toBe("1");
    expect(g.line).not.toContain("NaN");
  });

  it("scales the axis to the comparison when it is higher, and plots it against the same days", () => {
    const g = timeSeriesGeometry(week.map((day) => ({ day, value: 100 })), box, format, { comparisons: [[0, 0, 0, 0, 0, 0, 400]] });
    expect(g.yTicks.at(-1)!.label).toBe("400");
    expect(g.comparisons[0]!.startsWith("M64,248")).toBe(true);
    expect(g.comparisons[0]!.endsWith("768,16")).toBe(true);
  });

  it("copes with a single day", () => {
    const g = timeSeriesGeometry([{ day: "2026-11-23", value: 5 }], box, format);
    expect(g.points).toHaveLength(1);
    expect(g.line).not.toContain("NaN");
  });
});

describe("comparing with the previous period", () => {
  it("gives the direction and size of a change", () => {
    expect(compareFigures(150, 100)).toEqual({ direction: "up", percent: 50 });
    expect(compareFigures(75, 100)).toEqual({ direction: "down", percent: 25 });
    expect(compareFigures(100, 100)).toEqual({ direction: "same", percent: 0 });
    expect(compareFigures(5, 0)).toEqual({ direction: "new" });
    expect(compareFigures(0, 0)).toEqual({ direction: "none" });
    expect(compareFigures(null, null)).toEqual({ direction: "none" });
  });

  it("says it in words, with the period", () => {
    expect(describeChange(compareFigures(17_000, 4000), 7)).toBe("Up 325% on the previous 7 days");
    expect(describeChange(compareFigures(957, 1000), 30)).toBe("Down 4.3% on the previous 30 days");
    expect(describeChange(compareFigures(3, 0), 90)).toBe("Up from none in the previous 90 days");
    expect(describeChange(compareFigures(0, 0), 30)).toBe("None in this period or the previous 30 days");
    expect(describeChange(compareFigures(8, 8), 30)).toBe("No change on the previous 30 days");
    expect(describeChangeBriefly(compareFigures(0, 2500))).toBe("Down 100%");
  });

  it("abbreviates axis amounts in the shop's currency", () => {
    // 123,456 pence is £1,234.56.
    expect(formatMoneyCompact(123_456, "GBP")).toMatch(/^£1\.2k$/i);
    expect(formatMoneyCompact(50_000, "GBP")).toBe("£500");
    expect(formatMoneyCompact(0, "GBP")).toBe("£0");
    expect(formatMoneyCompact(5000, "JPY")).toMatch(/5K|5k/);
  });
});

describe("the overview ships no chart JavaScript", () => {
  it("keeps its charts and composites server components", () => {
    for (const dir of ["components/admin/charts", "components/admin/overview"]) {
      for (const file of readdirSync(dir)) {
        const source = readFileSync(path.join(dir, file), "utf8");
        expect(source, `${dir}/${file}`).not.toMatch(/^\s*["']use client["']/m);
      }
    }
    expect(readFileSync("app/admin/page.tsx", "utf8")).not.toMatch(/^\s*["']use client["']/m);
  });
});
