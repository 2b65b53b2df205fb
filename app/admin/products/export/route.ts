import { exportProductRows } from "@/db/queries/admin-products";
import { requirePermission } from "@/lib/auth/session";
import { productCsvStream } from "@/lib/catalog/csv";
import { AppError, errorResponse } from "@/lib/errors";

/**
 * Every variant of every product as CSV (the format the import reads back), streamed from the
 * database in batches. Catalogue data only: no personal data, so not an audit-log event.
 */
export async function GET() {
  try {
    await requirePermission("catalog:read");
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response(productCsvStream(exportProductRows()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="products-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
