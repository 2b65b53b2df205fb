import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { standaloneRules, standaloneStylesheet, themeRootRule } from "@/app/api/unsubscribe/[token]/standalone-page";

const theme = readFileSync("app/theme.css", "utf8");

describe("the one-click unsubscribe answer's stylesheet", () => {
  it("carries every token of app/theme.css, with its value", () => {
    const root = themeRootRule(theme);
    const tokens = [...theme.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)];
    expect(tokens.length).toBeGreaterThan(10);
    for (const [, name, value] of tokens) expect(root).toContain(`${name}:${value!.trim().replace(/\s+/g, " ")}`);
  });

  it("takes its colours and fonts from the theme only: no literal colour, and every var() it uses is defined there", () => {
    expect(standaloneRules).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|oklch\(|\b(white|black)\b/i);
    const defined = new Set([...themeRootRule(theme).matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
    const used = [...standaloneRules.matchAll(/var\((--[\w-]+)\)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) expect(defined, name).toContain(name);
  });

  it("reads only the top level of the @theme block and cannot close its <style> element", () => {
    const css = standaloneStylesheet("/* --x: 1; */ @theme { --a: red; @keyframes k { to { --b: 1; } } --c: </style>blue; }");
    expect(css.startsWith(":root{--a:red;--c:/style>blue}")).toBe(true);
    expect(() => themeRootRule(":root { --a: red; }")).toThrow(/@theme/);
  });
});
