/**
 * The network address a request came from, in a way the client cannot choose.
 *
 * `next start` copies the connection's address into X-Forwarded-For only when the request has
 * no such header, so a script that writes its own X-Forwarded-For picks its own address (and
 * a fresh rate-limit key per request). The server therefore stamps every incoming request with
 * the connection's address in PEER_ADDRESS_HEADER, overwriting whatever the client sent (see
 * ./peer-address.ts, installed at start-up).
 *
 * Behind N trusted reverse proxies (TRUSTED_PROXY_HOPS), each proxy appends the address it saw
 * to X-Forwarded-For, so the client is the N-th entry from the right; anything further left
 * was written by the client and is ignored.
 */
export const PEER_ADDRESS_HEADER = "x-hearth-peer-address";

/** One spelling per address: an IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d. */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function clientAddressFrom(headers: Pick<Headers, "get">, trustedProxyHops: number): string {
  return normalise(pickAddress(headers, trustedProxyHops));
}

function pickAddress(headers: Pick<Headers, "get">, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxyHops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The nearest proxy is the connection itself; it appended the address it saw last.
  const index = chain.length - trustedProxyHops;
  if (index < 0) return chain[0] ?? peer;
  return chain[index] ?? peer;
}
