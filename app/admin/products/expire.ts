import "server-only";
import { revalidateTag } from "next/cache";
import { expiryFor, type ProductChange } from "@/lib/catalog/product-expiry";
import { forgetRouteIndex } from "@/lib/catalog/route-index";

/** After an admin change has committed: expire exactly the cached pages it made stale. */
export function expireProductChanges(changes: ProductChange[]) {
  const tags = new Set<string>();
  let forget = false;
  for (const change of changes) {
    const expiry = expiryFor(change);
    for (const tag of expiry.tags) tags.add(tag);
    forget ||= expiry.forgetRouteIndex;
  }
  if (forget) forgetRouteIndex();
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
