import { describe, expect, it } from "vitest";
import { isReadableActionArguments, MAX_ACTION_ARGUMENT_DEPTH } from "@/lib/http/action-arguments";

describe("server-action arguments", () => {
  it("accepts what React sends for Hearth's forms: (previous state, form) or (form)", () => {
    expect(isReadableActionArguments('[null,"$K1"]')).toBe(true);
    expect(isReadableActionArguments('["$K1"]')).toBe(true);
    expect(isReadableActionArguments('[{"ok":false,"code":"invalid","message":"$$5 off","fieldErrors":{"email":["Enter it."]},"data":"$undefined"},"$K2"]')).toBe(true);
    expect(isReadableActionArguments('["$D2026-01-01T00:00:00.000Z","$n12","$-0","$NaN","$Infinity","$-Infinity"]')).toBe(true);
  });

  it("refuses what React's decoder would fail on (Next.js answers those with a 500)", () => {
    for (const encoded of ["{", "", '"$K1"', '{"a":"$K1"}', "[\"$Q1\"]", '["$F1"]', '["$B1"]', '["$h1"]', '["$S1"]', '["$1"]', '["$1:a:b"]', '["$W1"]', '["$i1"]', '[{"x":"$@1"}]', '["$T"]', '["$K1x"]']) {
      expect(isReadableActionArguments(encoded), encoded).toBe(false);
    }
  });

  it("refuses nesting deeper than any form's state", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(isReadableActionArguments(nested(MAX_ACTION_ARGUMENT_DEPTH))).toBe(true);
    expect(isReadableActionArguments(nested(MAX_ACTION_ARGUMENT_DEPTH + 1))).toBe(false);
    expect(isReadableActionArguments(nested(100_000))).toBe(false);
  });
});
