/** Merchant-facing names for where people signed up (consent sources), short enough for a legend. */
const sourceLabels: Record<string, string> = {
  footer: "Footer form",
  "newsletter-page": "Newsletter page",
  "links-page": "Link page",
  checkout: "Checkout",
  "privacy-centre": "Privacy centre",
  "preferences-page": "Preferences page",
  "email-link": "Email link",
  import: "Imported",
};

export function signupSourceLabel(source: string): string {
  if (sourceLabels[source]) return sourceLabels[source];
  if (source.startsWith("import")) return "Imported";
  if (source.startsWith("utm:")) return `Campaign link (${source.slice(4)})`;
  return source;
}

/** Fill classes for the sources in the growth chart, in legend order (theme tokens only). */
export const sourceFills = ["fill-accent-600", "fill-ink-muted", "fill-accent-100", "fill-line-strong", "fill-accent-500", "fill-ink"];
