import "server-only";
import QRCode from "qrcode";

/*
 * QR codes for tracked links, made in the app with the qrcode package (no third-party
 * service sees the shop's links). Black on white with the standard quiet zone: the contrast
 * every scanner expects, whatever the shop's colours. Error correction M survives a smudge on
 * a printed card and keeps the code small for a URL this short.
 */

const options = { errorCorrectionLevel: "M" as const, margin: 4, color: { dark: "#000000", light: "#ffffff" } };

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: "svg" });
}

/** 1024 px: sharp enough for print at a few centimetres, small as a file. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: "png", width: 1024 });
}

/** A download named after the link (go-<slug>.png), never cached: the page behind it needs a permission. */
export function qrDownloadHeaders(slug: string, kind: "svg" | "png"): HeadersInit {
  return {
    "Content-Type": kind === "svg" ? "image/svg+xml; charset=utf-8" : "image/png",
    "Content-Disposition": `attachment; filename="go-${slug}.${kind}"`,
    "Cache-Control": "private, no-store",
  };
}
