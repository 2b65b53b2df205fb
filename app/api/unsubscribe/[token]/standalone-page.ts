/*
 * The one-click unsubscribe answer is a route handler's HTML, not a page: mail apps POST to it
 * (RFC 8058) and it must answer 200 at once, without the app's layout, scripts or a redirect.
 * It cannot link the site's stylesheet (its file name changes with every build), so it carries
 * a few lines of CSS of its own. Every colour and font in them is a var() of a token read from
 * app/theme.css at build time: re-branding that file re-brands this page too.
 */

/** The custom properties at the top level of theme.css's `@theme { … }` block, as a `:root` rule. */
export function themeRootRule(themeSource: string): string {
  const source = themeSource.replace(/\/\*[\s\S]*?\*\//g, "");
  const start = /@theme\b[^{]*\{/.exec(source);
  if (!start) throw new Error("app/theme.css has no @theme block");
  let depth = 1;
  let top = "";
  for (let i = start.index + start[0].length; i < source.length && depth > 0; i++) {
    const c = source[i]!;
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 1) top += c;
  }
  const declarations = [...top.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => `${name}:${value!.trim().replace(/\s+/g, " ")}`);
  // The values land inside a <style> element: nothing in them may close it.
  return `:root{${declarations.join(";").replace(/</g, "")}}`;
}

/** The page's own rules: theme tokens only, so there is no colour here to forget on a re-brand. */
export const standaloneRules = [
  "html{color-scheme:light;-webkit-text-size-adjust:100%}",
  "body{margin:0;padding:3rem 1.25rem;background:var(--color-surface);color:var(--color-ink);font-family:var(--font-sans);line-height:1.6;-webkit-font-smoothing:antialiased}",
  "main{max-width:32rem;margin-inline:auto}",
  ".brand{font-family:var(--font-serif);font-size:1.25rem;font-weight:600;color:var(--color-ink);text-decoration:none}",
  "h1{font-family:var(--font-serif);font-weight:500;font-size:2rem;line-height:1.2;letter-spacing:-0.01em;margin:2rem 0 1rem;color:var(--color-ink)}",
  "p{color:var(--color-ink-muted);margin:0 0 1rem}",
  "a{color:var(--color-accent-700);text-underline-offset:4px}",
  "code{font-size:0.9em;background:var(--color-surface-sunken);padding:0.1em 0.3em;border-radius:0.25rem}",
  ":focus-visible{outline:3px solid var(--color-accent-600);outline-offset:2px;border-radius:2px}",
].join("");

export function standaloneStylesheet(themeSource: string): string {
  return themeRootRule(themeSource) + standaloneRules;
}
