import { createElement } from "react";
import themeSource from "@/app/theme.css?raw";
import { themeRootRule } from "@/app/api/unsubscribe/[token]/standalone-page";
import type { LinkPageDto } from "@/db/queries/link-page";
import { LinkPageDocument, type LinkPageEntry, type LinkPageProps } from "./document";
import { linkPageRules } from "./styles";

let stylesheet: string | undefined;
/** The theme's tokens as :root custom properties, then the page's rules (read once per process). */
const linkPageStylesheet = () => (stylesheet ??= themeRootRule(themeSource) + linkPageRules);

/** What a link shows, in the merchant's order; a product or collection shoppers cannot see is left out. */
export function linkEntries(links: LinkPageDto["links"]): LinkPageEntry[] {
  const entries: LinkPageEntry[] = [];
  for (const link of links) {
    if (link.kind === "product" && link.product?.published) {
      entries.push({ kind: "product", href: `/products/${encodeURIComponent(link.product.slug)}`, label: link.label || link.product.title });
    } else if (link.kind === "collection" && link.collection?.published) {
      entries.push({ kind: "collection", href: `/collections/${encodeURIComponent(link.collection.slug)}`, label: link.label || link.collection.title });
    } else if (link.kind === "newsletter") {
      // The signup form is on the page itself.
      entries.push({ kind: "newsletter", href: "#newsletter", label: link.label || "Join the newsletter" });
    } else if (link.kind === "url" && link.url) {
      entries.push({ kind: "url", href: link.url, label: link.label || link.url });
    }
  }
  return entries;
}

/**
 * The whole page as one HTML string. Rendered with React's streaming renderer and read to the
 * end: Next.js gives server code only the streaming API, and with nothing suspending the
 * stream carries plain HTML and no script.
 */
export async function renderLinkPageHtml(props: Omit<LinkPageProps, "stylesheet">): Promise<string> {
  const { renderToReadableStream } = await import("react-dom/server");
  const stream = await renderToReadableStream(createElement(LinkPageDocument, { ...props, stylesheet: linkPageStylesheet() }), {
    onError(error) {
      console.error("link page: render failed", error);
    },
  });
  await stream.allReady;
  const html = await new Response(stream).text();
  return html.startsWith("<!DOCTYPE") || html.startsWith("<!doctype") ? html : `<!DOCTYPE html>${html}`;
}
