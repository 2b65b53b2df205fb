"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const links = [
  { href: "/account", label: "Overview" },
  { href: "/account/orders", label: "Orders" },
  { href: "/account/profile", label: "Profile" },
  { href: "/account/addresses", label: "Addresses" },
  { href: "/account/privacy", label: "Privacy" },
];

export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Your account">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {links.map((link) => {
          const current = link.href === "/account" ? pathname === "/account" : pathname.startsWith(link.href);
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn("block rounded-full px-3 py-1.5 text-sm md:px-4 md:py-2 text-ink-muted hover:bg-surface-sunken hover:text-ink md:rounded-lg", current && "bg-surface-sunken font-medium text-ink")}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
