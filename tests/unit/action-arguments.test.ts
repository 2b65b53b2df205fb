import { describe, expect, it } from "vitest";
import { hasUnreadablePartHeader, isReadableActionArguments, isReadableBoundForm, MAX_ACTION_ARGUMENT_DEPTH } from "@/lib/http/action-arguments";

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

describe("form part headers", () => {
  it("are refused when Next.js's parser would fail on them: control characters or a huge name", () => {
    const form = (name: string, file?: string) => {
      const data = new FormData();
      if (file === undefined) data.append(name, "x");
      else data.append(name, new Blob(["x"]), file);
      return data;
    };
    expect(hasUnreadablePartHeader(form("1_email"))).toBe(false);
    expect(hasUnreadablePartHeader(form("1_é👩‍👩‍👧‍👦\u202E\tname"))).toBe(false);
    expect(hasUnreadablePartHeader(form("1_\u0005"))).toBe(true);
    expect(hasUnreadablePartHeader(form("a\u0000b"))).toBe(true);
    expect(hasUnreadablePartHeader(form("1_photo", "x\u007F.png"))).toBe(true);
    expect(hasUnreadablePartHeader(form("x".repeat(9_000)))).toBe(true);
  });
});

describe("the bound arguments of a form posted without JavaScript", () => {
  const id = "7f99249fd80e64bf070475001ce4a17f9bd4a12b96";
  const form = (description: string, values?: string) => {
    const data = new FormData();
    data.append("$ACTION_REF_2", "");
    data.append("$ACTION_2:0", description);
    if (values !== undefined) data.append("$ACTION_2:1", values);
    return data;
  };

  it("are read as React writes them for useActionState's forms", () => {
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@1" }), "[null]"), "2")).toBe(true);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: null })), "2")).toBe(true);
  });

  it("are refused when React's decoder would fail on them", () => {
    expect(isReadableBoundForm(form("{"), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ bound: "$@1" }), "[null]"), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@1" }), "{"), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@1" }), '"$K1"'), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@1" }), '["$F1"]'), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@9" }), "[null]"), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$Q1" }), "[null]"), "2")).toBe(false);
    expect(isReadableBoundForm(form(JSON.stringify({ id, bound: "$@1" }), `${"[".repeat(500)}${"]".repeat(500)}`), "2")).toBe(false);
  });
});
