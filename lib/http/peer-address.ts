import { randomBytes } from "node:crypto";
import { Server as HttpServer } from "node:http";
import { Server as HttpsServer } from "node:https";
import { peerAddressHeaderName, setPeerAddressHeaderName } from "./client-address";

/**
 * Stamps each incoming HTTP(S) request with the address of the connection it arrived on, before
 * Next.js sees it. Next.js offers route handlers and actions no other way to read that address.
 * The header's name is random per process, so a client can neither send a value under it nor
 * know it.
 */
export function installPeerAddressHeader() {
  if (peerAddressHeaderName()) return;
  const name = `x-hearth-peer-${randomBytes(12).toString("hex")}`;
  setPeerAddressHeaderName(name);
  for (const proto of [HttpServer.prototype, HttpsServer.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
        request.headers[name] = request.socket?.remoteAddress ?? "unknown";
      }
      return emit.call(this, event, ...args);
    };
  }
}
