"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

// The page the browser loaded as a document was counted by the server (proxy.ts); only the
// client router's later page changes are reported from here.
let lastCounted = typeof window === "undefined" ? null : window.location.pathname;

/**
 * The page-view beacon: after an in-app navigation, posts the new path (nothing else) to the
 * shop's own /api/analytics/view. Sends nothing when the browser asks not to be tracked.
 */
export function PageViewBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    if (pathname === lastCounted) return;
    lastCounted = pathname;
    const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
    if (nav.globalPrivacyControl || nav.doNotTrack === "1" || pathname.startsWith("/admin")) return;
    nav.sendBeacon?.("/api/analytics/view", pathname);
  }, [pathname]);
  return null;
}
