import { randomBytes } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import type { Storage } from "./types";

/*
 * A product photo as uploaded → a stored webp. The type is read from the bytes by sharp (the
 * filename and the browser's Content-Type are the uploader's words, not facts), the size is
 * capped before decoding, and the picture is re-encoded, which also drops any metadata
 * (location, camera serial) the original carried.
 */

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Longest side kept: enough for a 2× retina product page at 1200 px wide. */
export const MAX_IMAGE_EDGE = 2400;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff", "heif"]);
/** Decompression bombs: a small file that decodes to a huge bitmap is refused. */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageProblem = { problem: "empty" | "too_large" | "not_an_image" };
export type StoredImage = { key: string; width: number; height: number };

export const imageProblemText: Record<ImageProblem["problem"], string> = {
  empty: "Choose a photo to upload.",
  too_large: `That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Export a smaller JPEG or PNG and try again.`,
  not_an_image: "That file is not a photo we can read. Upload a JPEG, PNG, WebP, AVIF or GIF.",
};

/** Checks, converts and stores one uploaded photo; nothing is stored when it is refused. */
export async function storeProductImage(storage: Storage, file: Blob): Promise<StoredImage | ImageProblem> {
  if (file.size === 0) return { problem: "empty" };
  if (file.size > MAX_UPLOAD_BYTES) return { problem: "too_large" };
  const input = Buffer.from(await file.arrayBuffer());
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    return { problem: "not_an_image" };
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) return { problem: "not_an_image" };
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate() // EXIF orientation applied before the metadata is dropped
      .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return { problem: "not_an_image" };
  }
  const key = `products/${randomBytes(16).toString("hex")}.webp`;
  await storage.put(key, output.data, "image/webp");
  return { key, width: output.info.width, height: output.info.height };
}

/** The public address of a stored file (served by app/uploads/[...key]/route.ts). */
export function uploadUrl(key: string): string {
  return `/uploads/${key}`;
}

/** The storage key behind an address made by uploadUrl, or null for any other image. */
export function storageKeyOf(src: string): string | null {
  return src.startsWith("/uploads/") ? src.slice("/uploads/".length) : null;
}
