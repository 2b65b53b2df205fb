import { connection } from "next/server";
import { checkDatabase } from "@/db/queries/catalog";

/** Liveness and database check for load balancers and uptime monitors. */
export async function GET() {
  await connection();
  const database = await checkDatabase();
  const body = {
    status: database.ok ? "ok" : "degraded",
    database: database.ok ? { reachable: true, latencyMs: database.latencyMs } : { reachable: false },
    time: new Date().toISOString(),
  };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
