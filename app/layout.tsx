import type { Metadata, Viewport } from "next";
import { PageViewBeacon } from "@/components/analytics/page-view-beacon";
import { brandColours } from "@/lib/brand-colours";
import { siteUrl } from "@/lib/env";
import { shopConfig } from "@/lib/shop-config";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${shopConfig.name} — ${shopConfig.tagline}`, template: `%s · ${shopConfig.name}` },
  description: shopConfig.description,
  openGraph: { siteName: shopConfig.name, type: "website", locale: shopConfig.locale.replace("-", "_") },
};

export const viewport: Viewport = {
  themeColor: brandColours.surface,
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={shopConfig.locale}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:start-4 focus:top-4 focus:z-50 focus:rounded-full focus:bg-ink focus:px-4 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        {children}
        <PageViewBeacon />
      </body>
    </html>
  );
}
