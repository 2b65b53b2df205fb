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
  if (source.startsWith("utm:")) return `From ${channelLabel(source.slice(4))}`;
  return source;
}

/** Fill classes for the sources in the growth chart, in legend order (theme tokens only). */
export const sourceFills = ["fill-accent-600", "fill-ink-muted", "fill-accent-100", "fill-line-strong", "fill-accent-500", "fill-ink"];

/** Merchant-facing names for where visits came from (utm_source or the referring site's channel). */
const channelLabels: Record<string, string> = {
  "": "Direct or unknown",
  instagram: "Instagram",
  facebook: "Facebook",
  threads: "Threads",
  tiktok: "TikTok",
  youtube: "YouTube",
  pinterest: "Pinterest",
  x: "X (Twitter)",
  linkedin: "LinkedIn",
  reddit: "Reddit",
  bluesky: "Bluesky",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  line: "LINE",
  zalo: "Zalo",
  google: "Google",
  bing: "Bing",
  duckduckgo: "DuckDuckGo",
  ecosia: "Ecosia",
  newsletter: "Newsletter",
  email: "Email",
};

export function channelLabel(channel: string): string {
  return channelLabels[channel] ?? channel;
}
