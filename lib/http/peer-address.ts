import { Server } from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("hearth.peerAddressHeader");

/**
 * Stamps each incoming HTTP request with the address of the connection it arrived on, before
 * Next.js sees it, replacing any value the client sent under that name. Next.js offers no
 * other way for route handlers and actions to read the connection's address.
 */
export function installPeerAddressHeader() {
  const proto = Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
