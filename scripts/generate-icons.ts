/**
 * Draws the shop's icons in the colours of app/theme.css: a flame (the ember) holding an acorn
 * (the oak), cream on the terracotta accent. Writes the files Next.js picks up by convention
 * (app/icon.svg, app/favicon.ico, app/apple-icon.png), the home-screen icons that
 * app/manifest.ts lists (public/icons/), and lib/brand-colours.ts for the manifest and the
 * browser's theme colour. Nothing is fetched.
 *
 * The output is committed, so `next build` and `next dev` need no extra step; run this again
 * after changing the colours in app/theme.css or the drawing below (a unit test says when):
 *
 *   npx tsx scripts/generate-icons.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

export type BrandColours = { surface: string; accent: string };

/** The tokens the icons and the manifest use, read from the theme so it stays the one place to re-brand. */
export function brandColoursFrom(themeCss: string): BrandColours {
  const token = (name: string) => {
    const value = new RegExp(`--color-${name}:\\s*(#[0-9a-fA-F]{6})\\b`).exec(themeCss)?.[1];
    if (!value) throw new Error(`app/theme.css has no --color-${name} as a #rrggbb colour`);
    return value.toLowerCase();
  };
  return { surface: token("surface"), accent: token("accent-500") };
}

// Drawn on a 64 × 64 grid. The flame's bounding box is x 17–47, y 8–53.
const FLAME =
  "M32 8C38 17 47 24 47 37.5C47 46.5 40.5 53 32 53C23.5 53 17 46.5 17 38C17 31 20.5 26 24.5 22.5C25 27.5 27 30.5 29.5 31.5C28 24 29 15.5 32 8Z";
const ACORN = [
  '<rect x="31" y="28" width="2.4" height="4.5" rx="1.2"/>',
  '<path d="M24.5 38C24.5 33.6 27.8 31.5 32.2 31.5C36.6 31.5 39.9 33.6 39.9 38Z"/>',
  '<path d="M26 39.4H38.4C38.4 44.2 35.9 48 32.2 49.6C28.5 48 26 44.2 26 39.4Z"/>',
].join("");

/**
 * `tile`: a rounded square with transparent corners, for browser tabs and bookmarks.
 * `full-bleed`: a square filled to the edges with the mark inside the middle 80 %, for
 * platforms that cut their own shape (iOS home screen, Android's maskable icons).
 * `acorn: false` is the 16-pixel version, where the acorn would only blur the flame.
 */
export function iconSvg(colours: BrandColours, { shape = "tile", acorn = true }: { shape?: "tile" | "full-bleed"; acorn?: boolean } = {}) {
  const background =
    shape === "tile" ? `<rect width="64" height="64" rx="14" fill="${colours.accent}"/>` : `<rect width="64" height="64" fill="${colours.accent}"/>`;
  const mark = `<path d="${FLAME}" fill="${colours.surface}"/>${acorn ? `<g fill="${colours.accent}">${ACORN}</g>` : ""}`;
  const placed = shape === "tile" ? mark : `<g transform="translate(32 32) scale(.8) translate(-32 -30.5)">${mark}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${background}${placed}</svg>\n`;
}

async function png(svg: string, size: number, { opaque = false, palette = true } = {}) {
  // Rasterise well above the target size, then scale down: crisper edges at 16 and 32 px.
  let image = sharp(Buffer.from(svg), { density: (72 * size * 4) / 64 }).resize(size, size);
  if (opaque) image = image.flatten({ background: "#000000" });
  return image.png({ compressionLevel: 9, palette }).toBuffer();
}

/** An ICO file holding PNG images, which every browser and Windows since Vista reads. */
export function icoFromPngs(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** Every generated file, by path from the project root. */
export async function renderIcons(root = process.cwd()): Promise<Map<string, Buffer | string>> {
  const colours = brandColoursFrom(readFileSync(path.join(root, "app/theme.css"), "utf8"));
  const tile = iconSvg(colours);
  const small = iconSvg(colours, { acorn: false });
  const fullBleed = iconSvg(colours, { shape: "full-bleed" });
  return new Map<string, Buffer | string>([
    ["app/icon.svg", tile],
    // Full-colour PNGs inside the ICO: some ICO readers take only 32-bit RGBA.
    [
      "app/favicon.ico",
      icoFromPngs([
        { size: 16, data: await png(small, 16, { palette: false }) },
        { size: 32, data: await png(tile, 32, { palette: false }) },
        { size: 48, data: await png(tile, 48, { palette: false }) },
      ]),
    ],
    // iOS shows transparency as black and rounds the corners itself.
    ["app/apple-icon.png", await png(fullBleed, 180, { opaque: true })],
    ["public/icons/icon-192.png", await png(tile, 192)],
    ["public/icons/icon-512.png", await png(tile, 512)],
    ["public/icons/maskable-512.png", await png(fullBleed, 512, { opaque: true })],
    [
      "lib/brand-colours.ts",
      [
        "// Generated by scripts/generate-icons.ts from app/theme.css: change the colours there, then run it.",
        `export const brandColours = { surface: "${colours.surface}", accent: "${colours.accent}" } as const;`,
        "",
      ].join("\n"),
    ],
  ]);
}

export async function generateIcons({ root = process.cwd(), log = console.log } = {}) {
  const files = await renderIcons(root);
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  log(`Drew the shop's icons: ${[...files.keys()].join(", ")}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generateIcons();
}
