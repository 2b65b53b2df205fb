import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import manifest from "@/app/manifest";
import { shopConfig } from "@/lib/shop-config";
import { brandColoursFrom, renderIcons } from "../../scripts/generate-icons";

/** The PNG images inside an ICO file, with the size its directory claims for each. */
function icoImages(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Same size and, pixel by pixel, the same colours (allowing for another libvips's rounding). */
async function expectSameImage(committed: Buffer, fresh: Buffer, file: string) {
  const [a, b] = await Promise.all([pixels(committed), pixels(fresh)]);
  expect([a.width, a.height], file).toEqual([b.width, b.height]);
  let difference = 0;
  for (let i = 0; i < a.data.length; i++) difference += Math.abs(a.data[i]! - b.data[i]!);
  expect(difference / a.data.length, `${file} differs from a fresh drawing: run npx tsx scripts/generate-icons.ts`).toBeLessThan(2);
}

describe("the shop's icons", () => {
  it("are up to date with app/theme.css and the drawing in scripts/generate-icons.ts", async () => {
    for (const [file, fresh] of await renderIcons()) {
      expect(existsSync(file), `${file} is missing: run npx tsx scripts/generate-icons.ts`).toBe(true);
      const committed = readFileSync(file);
      if (typeof fresh === "string") {
        expect(committed.toString("utf8"), `${file} is out of date: run npx tsx scripts/generate-icons.ts`).toBe(fresh);
      } else if (file.endsWith(".ico")) {
        const [ours, theirs] = [icoImages(committed), icoImages(fresh)];
        expect(ours.map((i) => i.size)).toEqual(theirs.map((i) => i.size));
        for (const [i, image] of ours.entries()) await expectSameImage(image.png, theirs[i]!.png, `${file} (${image.size} px)`);
      } else {
        await expectSameImage(committed, fresh, file);
      }
    }
  }, 30_000);

  it("give browsers a favicon.ico of PNG images at 16, 32 and 48 pixels", async () => {
    const images = icoImages(readFileSync("app/favicon.ico"));
    expect(images.map((i) => i.size)).toEqual([16, 32, 48]);
    for (const image of images) {
      const meta = await sharp(image.png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", image.size, image.size]);
    }
  });

  it("give iOS an opaque 180-pixel home-screen icon (it shows transparency as black)", async () => {
    const meta = await sharp(readFileSync("app/apple-icon.png")).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([180, 180, false]);
  });

  it("are listed in a manifest with the shop's name and theme colours, and every one exists", async () => {
    const m = manifest();
    const colours = brandColoursFrom(readFileSync("app/theme.css", "utf8"));
    expect(m).toMatchObject({ name: shopConfig.name, start_url: "/", background_color: colours.surface, theme_color: colours.surface });
    expect(m.icons?.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of m.icons ?? []) {
      // Next.js serves app/icon.svg at /icon.svg; everything else comes from public/.
      const file = existsSync(path.join("app", icon.src)) ? path.join("app", icon.src) : path.join("public", icon.src);
      expect(existsSync(file), `${icon.src} is not in app/ or public/`).toBe(true);
      if (icon.sizes && icon.sizes !== "any") {
        const meta = await sharp(readFileSync(file)).metadata();
        expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
      }
    }
  });
});
