import { connection } from "next/server";
import { z } from "zod";
import { deliverBackInStockSoon } from "@/lib/back-in-stock/deliver";
import { setVariantStocks } from "@/lib/catalog/mutations";
import { getEnv } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { secretsMatch } from "@/lib/signed-token";
import { stockUpdatesSchema } from "@/lib/validations/inventory";

/**
 * Stock updates from another system (a warehouse, a till in a physical shop):
 *   POST /api/catalog/stock  Authorization: Bearer <INVENTORY_WEBHOOK_SECRET>
 *   { "updates": [{ "sku": "EVEMUG-OAT", "stock": 12 }] }
 * Every product page and listing that shows a changed variant is refreshed at once.
 */
export async function POST(request: Request) {
  await connection();
  const secret = getEnv().INVENTORY_WEBHOOK_SECRET;
  if (!secret) return errorResponse(new AppError("not_found", "The inventory webhook is not enabled on this shop."));

  const auth = request.headers.get("authorization") ?? "";
  const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!token || !secretsMatch(token, secret)) {
    return errorResponse(new AppError("unauthorized", "Missing or wrong bearer token."), {
      headers: { "WWW-Authenticate": 'Bearer realm="inventory"' },
    });
  }

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: { code: "invalid", message: "The body must be JSON." } }, { status: 400 });
  }
  const parsed = stockUpdatesSchema.safeParse(body);
  if (!parsed.success) {
    return errorResponse(new AppError("invalid", "Some updates are not valid.", z.flattenError(parsed.error).fieldErrors));
  }

  const skus = parsed.data.updates.map((u) => u.sku.toUpperCase());
  if (new Set(skus).size !== skus.length) {
    return errorResponse(new AppError("invalid", "Each SKU may appear only once per request."));
  }

  // One transaction for the whole request: a delivery is applied whole or not at all.
  const { updated, unknown } = await setVariantStocks(parsed.data.updates.map((u, i) => ({ sku: skus[i]!, stock: u.stock })));
  // Requests for options that came back became due in that transaction (a trigger); their
  // emails go after this response.
  if (updated.length) deliverBackInStockSoon();
  const applied = new Set(updated.map((u) => u.sku));
  const results = parsed.data.updates.map((u, i) => ({ sku: skus[i]!, stock: u.stock, updated: applied.has(skus[i]!) }));
  return Response.json({ results, unknown }, { status: unknown.length === results.length ? 404 : 200 });
}
