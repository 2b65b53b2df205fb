"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/** The admin menu: only the areas the signed-in role may open (lib/admin/navigation.ts). */
export function AdminNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The most specific entry that contains the page is the current one (/admin/marketing/subscribers
  // is Subscribers, not also List growth at /admin/marketing).
  const matches = items.filter((item) => (item.href === "/admin" ? pathname === "/admin" : pathname === item.href || pathname.startsWith(`${item.href}/`)));
  const currentHref = matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Admin">
      <ul className="flex gap-1 overflow-x-auto [scrollbar-width:none] lg:flex-col lg:overflow-visible">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-full px-3 py-1.5 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink lg:rounded-lg lg:px-3 lg:py-2",
                  current && "bg-surface-sunken font-medium text-ink",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
