/** The social networks a shop can link to from its footer: plain links, no widgets. */
export const socialNetworks = [
  { network: "instagram", label: "Instagram" },
  { network: "tiktok", label: "TikTok" },
  { network: "pinterest", label: "Pinterest" },
  { network: "facebook", label: "Facebook" },
  { network: "youtube", label: "YouTube" },
] as const;

export type SocialNetwork = (typeof socialNetworks)[number]["network"];

export function socialLabel(network: string): string {
  return socialNetworks.find((n) => n.network === network)?.label ?? network;
}
