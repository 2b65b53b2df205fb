import type { PersonalDataExport } from "@/db/queries/privacy";
import { shopConfig } from "@/lib/shop-config";

/**
 * The personal-data download, one format for both ways to it: the shopper's own privacy centre
 * and a staff member answering the customer's request (app/admin/customers/[id]/export).
 */
export function personalDataResponse(data: PersonalDataExport, filenameStem: string): Response {
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), shop: shopConfig.name, format: "hearth-personal-data/1", ...data }, null, 2);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filenameStem}-${date}.json"`,
      "Cache-Control": "no-store, private",
    },
  });
}
