import Link from "next/link";
import { shopConfig } from "@/lib/shop-config";

/** The shop's collections as pill links: a way on from an empty or fruitless search. */
export function CollectionLinks() {
  return (
    <ul className="mt-4 flex flex-wrap gap-2">
      {shopConfig.navigation.map((item) => (
        <li key={item.href}>
          <Link href={item.href} className="inline-flex h-10 items-center rounded-full border border-line-strong px-4 text-sm hover:border-ink">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
