/**
 * The network address a request came from, in a way the client cannot choose.
 *
 * `next start` copies the connection's address into X-Forwarded-For only when the request has
 * no such header, so a script that writes its own X-Forwarded-For picks its own address (and
 * a fresh rate-limit key per request). The server therefore stamps every incoming request with
 * the connection's address under a header name drawn at random when the process starts (see
 * ./peer-address.ts, installed from instrumentation.ts), which no client can know or send.
 *
 * Behind N trusted reverse proxies (TRUSTED_PROXY_HOPS), each proxy appends the address it saw
 * to X-Forwarded-For, so the client is the N-th entry from the right; anything further left
 * was written by the client and is ignored.
 *
 * An IPv6 client is keyed by its /64 network: one machine usually holds a whole /64 and could
 * otherwise rotate through 2^64 addresses, one per request.
 */

const HEADER_NAME = Symbol.for("hearth.peerAddressHeaderName");
type WithHeaderName = { [HEADER_NAME]?: string };

/** The stamp's header name in this process, or undefined before it is installed. */
export function peerAddressHeaderName(): string | undefined {
  return (globalThis as WithHeaderName)[HEADER_NAME];
}

export function setPeerAddressHeaderName(name: string) {
  (globalThis as WithHeaderName)[HEADER_NAME] = name;
}

let warned = false;

export function clientAddressFrom(headers: Pick<Headers, "get">, trustedProxyHops: number, headerName = peerAddressHeaderName()): string {
  const peer = headerName ? headers.get(headerName)?.trim() : undefined;
  if (!peer && !warned) {
    warned = true;
    console.error("The connection's address is not known for this request (the peer-address stamp is not installed); rate limits share one key.");
  }
  return networkOf(pickAddress(headers, trustedProxyHops, peer || "unknown"));
}

function pickAddress(headers: Pick<Headers, "get">, trustedProxyHops: number, peer: string): string {
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

/** One spelling per client: IPv4 as is (also when it arrives as ::ffff:a.b.c.d), IPv6 as its /64. */
export function networkOf(address: string): string {
  const trimmed = address.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (trimmed.startsWith("::ffff:") && trimmed.includes(".")) return trimmed.slice(7);
  if (!trimmed.includes(":")) return trimmed;
  const [head = "", tail] = trimmed.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return trimmed;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
