import type { MetadataRoute } from "next";
import { brandColours } from "@/lib/brand-colours";
import { shopConfig } from "@/lib/shop-config";

/** The web app manifest (/manifest.webmanifest): the shop's name and icons when saved to a home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: shopConfig.name,
    short_name: shopConfig.name,
    description: shopConfig.description,
    lang: shopConfig.locale,
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: brandColours.surface,
    theme_color: brandColours.surface,
    // Drawn by scripts/generate-icons.ts.
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
