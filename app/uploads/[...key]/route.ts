import { getStorage, isStorageKey } from "@/lib/storage";

/*
 * Uploaded product photos, public like the rest of the catalogue. Only keys the shop itself
 * generated (lib/storage/types.ts STORAGE_KEY_PATTERN) are looked up, so "..", encoded
 * slashes and absolute paths are a 404 before the disk is touched. A key is never reused (a
 * new upload gets a new random name), so a stored file may be cached for a year.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key: parts } = await params;
  const key = parts.join("/");
  const stored = isStorageKey(key) ? await getStorage().get(key) : null;
  if (!stored) return Response.json({ error: { code: "not_found", message: "There is no such file." } }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(stored.body), {
    headers: {
      "Content-Type": stored.contentType,
      "Content-Length": String(stored.body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
