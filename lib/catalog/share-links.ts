import type { ShareNetwork } from "../shop-config";

/**
 * Share links are plain URLs to each network's own share page: no SDKs or widgets load on
 * our pages. The shared URL carries utm_source=<network>&utm_medium=social so visits that
 * come back from a share can be counted without cookies.
 */
export function sharedUrl(productUrl: string, network: ShareNetwork): string {
  const url = new URL(productUrl);
  url.searchParams.set("utm_source", network);
  url.searchParams.set("utm_medium", "social");
  url.searchParams.set("utm_campaign", "product-share");
  return url.toString();
}

const labels: Record<ShareNetwork, string> = {
  pinterest: "Pinterest",
  facebook: "Facebook",
  x: "X",
  whatsapp: "WhatsApp",
  email: "Email",
};

export function shareLinks(input: { productUrl: string; title: string; imageUrl?: string; networks: readonly ShareNetwork[] }) {
  return input.networks.map((network) => {
    const target = sharedUrl(input.productUrl, network);
    const u = encodeURIComponent(target);
    const t = encodeURIComponent(input.title);
    let href: string;
    switch (network) {
      case "pinterest":
        href = `https://www.pinterest.com/pin/create/button/?url=${u}&description=${t}${input.imageUrl ? `&media=${encodeURIComponent(input.imageUrl)}` : ""}`;
        break;
      case "facebook":
        href = `https://www.facebook.com/sharer/sharer.php?u=${u}`;
        break;
      case "x":
        href = `https://x.com/intent/post?url=${u}&text=${t}`;
        break;
      case "whatsapp":
        href = `https://wa.me/?text=${encodeURIComponent(`${input.title} ${target}`)}`;
        break;
      case "email":
        href = `mailto:?subject=${t}&body=${encodeURIComponent(`I thought you might like this: ${target}`)}`;
        break;
    }
    return { network, label: labels[network], href, sharedUrl: target };
  });
}
