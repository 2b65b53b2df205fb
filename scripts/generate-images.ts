/**
 * Draws the demo product photographs locally: an SVG still life per product, rendered to
 * WebP with sharp. Nothing is fetched. Files go to public/images/generated/ (git-ignored)
 * and are only redrawn when missing, so this is cheap to run before every dev, build and test.
 *
 *   npx tsx scripts/generate-images.ts [--force]
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { IMAGE_HEIGHT, IMAGE_WIDTH, imagePath } from "../db/seed";
import { seedProducts, type ArtKind } from "../db/seed-data";

const W = IMAGE_WIDTH;
const H = IMAGE_HEIGHT;

function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  const r = clamp(((n >> 16) & 255) * (1 + amount));
  const g = clamp(((n >> 8) & 255) * (1 + amount));
  const b = clamp((n & 255) * (1 + amount));
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, "0")}`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Each drawing is centred on (600, 800) with its base near y = 1080. */
function drawObject(kind: ArtKind, c: string, a: string): string {
  const dark = shade(c, -0.25);
  const light = shade(c, 0.18);
  switch (kind) {
    case "candle":
      return `
        <rect x="470" y="520" width="260" height="560" rx="18" fill="${c}"/>
        <rect x="470" y="520" width="70" height="560" rx="18" fill="${light}" opacity=".6"/>
        <rect x="660" y="520" width="70" height="560" rx="18" fill="${dark}" opacity=".35"/>
        <ellipse cx="600" cy="522" rx="130" ry="22" fill="${light}"/>
        <rect x="596" y="470" width="8" height="50" fill="#2b2724"/>
        <path d="M600 360 C640 420 630 470 600 478 C570 470 560 420 600 360Z" fill="#f2a33a"/>
        <path d="M600 405 C618 440 614 466 600 470 C586 466 582 440 600 405Z" fill="#fde7a9"/>
        <rect x="470" y="800" width="260" height="16" fill="${a}" opacity=".8"/>`;
    case "jar-candle":
      return `
        <rect x="420" y="620" width="360" height="460" rx="40" fill="${c}"/>
        <rect x="420" y="620" width="90" height="460" rx="40" fill="${light}" opacity=".45"/>
        <rect x="440" y="660" width="320" height="90" rx="16" fill="${a}" opacity=".85"/>
        <rect x="500" y="820" width="200" height="130" rx="8" fill="#f7f2ea"/>
        <rect x="530" y="860" width="140" height="10" rx="5" fill="#2b2724" opacity=".6"/>
        <rect x="550" y="890" width="100" height="8" rx="4" fill="#2b2724" opacity=".35"/>
        <rect x="596" y="560" width="8" height="60" fill="#2b2724"/>
        <path d="M600 450 C640 510 630 560 600 568 C570 560 560 510 600 450Z" fill="#f2a33a"/>
        <path d="M600 495 C618 530 614 556 600 560 C586 556 582 530 600 495Z" fill="#fde7a9"/>`;
    case "mug":
      return `
        <path d="M730 700 C860 700 860 930 730 930" stroke="${c}" stroke-width="46" fill="none"/>
        <path d="M420 620 L780 620 L760 1060 Q600 1100 440 1060 Z" fill="${c}"/>
        <path d="M420 620 L780 620 L776 700 Q600 730 424 700 Z" fill="${a}" opacity=".9"/>
        <path d="M440 700 Q470 880 470 1050" stroke="${light}" stroke-width="26" fill="none" opacity=".5"/>
        <ellipse cx="600" cy="620" rx="180" ry="36" fill="${dark}"/>
        <ellipse cx="600" cy="626" rx="160" ry="26" fill="#4a2f22"/>`;
    case "bowl":
      return `
        <path d="M330 760 Q600 1160 870 760 Z" fill="${c}"/>
        <path d="M330 760 Q600 1160 870 760" stroke="${dark}" stroke-width="6" fill="none"/>
        <ellipse cx="600" cy="760" rx="270" ry="60" fill="${a}"/>
        <ellipse cx="600" cy="768" rx="240" ry="44" fill="${shade(a, -0.2)}"/>
        <path d="M380 800 Q450 940 560 1000" stroke="${light}" stroke-width="22" fill="none" opacity=".5"/>
        <rect x="540" y="1020" width="120" height="50" rx="10" fill="${dark}"/>`;
    case "vase":
      return `
        <path d="M560 420 L640 420 L650 540 Q790 640 760 880 Q740 1060 600 1080 Q460 1060 440 880 Q410 640 550 540 Z" fill="${c}"/>
        <path d="M470 700 Q450 880 520 1040" stroke="${light}" stroke-width="28" fill="none" opacity=".45"/>
        <ellipse cx="600" cy="420" rx="40" ry="10" fill="${dark}"/>
        <path d="M600 420 C590 300 560 220 520 160" stroke="#5b6b48" stroke-width="8" fill="none"/>
        <path d="M600 420 C620 320 660 250 700 200" stroke="#5b6b48" stroke-width="8" fill="none"/>
        <ellipse cx="520" cy="160" rx="26" ry="40" fill="${a}"/>
        <ellipse cx="700" cy="200" rx="22" ry="34" fill="${a}" opacity=".85"/>`;
    case "plate":
      return `
        <ellipse cx="600" cy="820" rx="360" ry="300" fill="${dark}" opacity=".35"/>
        <ellipse cx="600" cy="800" rx="350" ry="290" fill="${c}"/>
        <ellipse cx="600" cy="800" rx="250" ry="205" fill="${light}"/>
        <ellipse cx="600" cy="800" rx="350" ry="290" fill="none" stroke="${a}" stroke-width="14"/>`;
    case "throw":
    case "towel":
      return `
        <rect x="330" y="600" width="540" height="480" rx="14" fill="${c}"/>
        <rect x="330" y="600" width="540" height="130" rx="14" fill="${light}"/>
        <rect x="330" y="770" width="540" height="22" fill="${a}" opacity=".85"/>
        <rect x="330" y="812" width="540" height="10" fill="${a}" opacity=".6"/>
        ${Array.from({ length: 12 }, (_, i) => `<rect x="${345 + i * 44}" y="1080" width="8" height="40" fill="${c}"/>`).join("")}
        <path d="M330 730 L870 730" stroke="${dark}" stroke-width="4" opacity=".4"/>`;
    case "shirt":
      return `
        <path d="M480 420 L720 420 L880 520 L840 660 L760 620 L760 1080 L440 1080 L440 620 L360 660 L320 520 Z" fill="${c}"/>
        <path d="M540 420 L600 500 L660 420" fill="${dark}" opacity=".5"/>
        <path d="M600 500 L600 1080" stroke="${dark}" stroke-width="4"/>
        ${Array.from({ length: 6 }, (_, i) => `<circle cx="616" cy="${560 + i * 90}" r="9" fill="${a}"/>`).join("")}
        <rect x="480" y="620" width="90" height="90" rx="6" fill="${light}" opacity=".6"/>`;
    case "apron":
      return `
        <path d="M500 380 L700 380 L720 560 L820 600 L800 1100 L400 1100 L380 600 L480 560 Z" fill="${c}"/>
        <path d="M500 380 L380 300 M700 380 L820 300" stroke="${a}" stroke-width="16"/>
        <rect x="450" y="760" width="300" height="170" rx="10" fill="${dark}" opacity=".4"/>
        <path d="M600 760 L600 930" stroke="${c}" stroke-width="6"/>
        <circle cx="500" cy="565" r="10" fill="${a}"/><circle cx="700" cy="565" r="10" fill="${a}"/>`;
    case "sweater":
      return `
        <path d="M470 430 Q600 470 730 430 L880 520 L900 900 L820 910 L790 640 L780 1080 L420 1080 L410 640 L380 910 L300 900 L320 520 Z" fill="${c}"/>
        <path d="M470 430 Q600 520 730 430" stroke="${dark}" stroke-width="22" fill="none"/>
        ${Array.from({ length: 4 }, (_, i) => `<path d="M${480 + i * 80} 560 q20 40 0 80 q-20 40 0 80 q20 40 0 80 q-20 40 0 80 q20 40 0 80" stroke="${light}" stroke-width="14" fill="none"/>`).join("")}
        <rect x="420" y="1040" width="360" height="40" fill="${dark}" opacity=".5"/>
        <rect x="300" y="880" width="80" height="30" fill="${a}" opacity=".7"/><rect x="820" y="880" width="80" height="30" fill="${a}" opacity=".7"/>`;
    case "beanie":
      return `
        <path d="M380 900 Q380 520 600 500 Q820 520 820 900 Z" fill="${c}"/>
        ${Array.from({ length: 10 }, (_, i) => `<path d="M${410 + i * 42} 880 Q${420 + i * 40} 640 ${600 + (i - 4.5) * 10} 520" stroke="${dark}" stroke-width="8" fill="none" opacity=".35"/>`).join("")}
        <rect x="360" y="880" width="480" height="170" rx="24" fill="${shade(c, -0.1)}"/>
        ${Array.from({ length: 12 }, (_, i) => `<rect x="${376 + i * 39}" y="890" width="14" height="150" rx="7" fill="${dark}" opacity=".35"/>`).join("")}
        <rect x="560" y="930" width="80" height="60" rx="4" fill="${a}"/>`;
    case "scarf":
      return `
        <path d="M420 420 Q600 520 780 420 L800 560 Q600 660 400 560 Z" fill="${c}"/>
        <rect x="430" y="540" width="160" height="520" rx="12" fill="${c}"/>
        <rect x="610" y="540" width="160" height="460" rx="12" fill="${dark}"/>
        ${Array.from({ length: 7 }, (_, i) => `<rect x="${440 + i * 22}" y="1060" width="10" height="60" fill="${a}"/>`).join("")}
        ${Array.from({ length: 7 }, (_, i) => `<rect x="${620 + i * 22}" y="1000" width="10" height="60" fill="${a}"/>`).join("")}`;
    case "socks":
      return `
        <path d="M430 420 L560 420 L560 860 Q560 940 640 960 L700 980 Q760 1000 740 1060 Q720 1100 640 1090 L480 1060 Q420 1040 430 960 Z" fill="${c}"/>
        <rect x="430" y="420" width="130" height="90" fill="${a}"/>
        <path d="M640 960 Q740 980 740 1060" stroke="${a}" stroke-width="40" fill="none"/>
        <path d="M640 420 L770 420 L770 820 Q770 900 850 920 L880 930 Q930 950 910 1010 Q890 1040 830 1030 L700 1010 Q640 995 640 920 Z" fill="${dark}" opacity=".9"/>
        <rect x="640" y="420" width="130" height="90" fill="${a}" opacity=".8"/>`;
    case "coffee":
      return `
        <path d="M430 460 L770 460 L800 1080 L400 1080 Z" fill="${c}"/>
        <path d="M430 460 L770 460 L775 520 L425 520 Z" fill="${dark}"/>
        <rect x="470" y="660" width="260" height="280" rx="10" fill="#f7f2ea"/>
        <circle cx="600" cy="740" r="46" fill="none" stroke="${a}" stroke-width="10"/>
        <rect x="510" y="820" width="180" height="14" rx="7" fill="#2b2724" opacity=".7"/>
        <rect x="540" y="856" width="120" height="10" rx="5" fill="#2b2724" opacity=".4"/>
        <rect x="540" y="886" width="120" height="10" rx="5" fill="#2b2724" opacity=".4"/>
        ${Array.from({ length: 5 }, (_, i) => `<ellipse cx="${300 + i * 30}" cy="${1060 - (i % 2) * 20}" rx="20" ry="14" fill="#4a2f22"/>`).join("")}`;
    case "giftbox":
      return `
        <rect x="360" y="640" width="480" height="440" rx="10" fill="${c}"/>
        <rect x="340" y="580" width="520" height="110" rx="10" fill="${light}"/>
        <rect x="570" y="580" width="60" height="500" fill="${a}"/>
        <rect x="340" y="620" width="520" height="30" fill="${a}" opacity=".6"/>
        <path d="M600 580 C520 480 440 500 470 560 C490 600 560 590 600 580 Z" fill="${a}"/>
        <path d="M600 580 C680 480 760 500 730 560 C710 600 640 590 600 580 Z" fill="${a}"/>
        <rect x="420" y="860" width="110" height="70" rx="4" fill="#f7f2ea" transform="rotate(-6 475 895)"/>`;
  }
}

function svgFor(kind: ArtKind, palette: [string, string], seed: string, detail: boolean): string {
  const [c, a] = palette;
  const h = hash(seed);
  const backgrounds = ["#efe9df", "#e8e1d5", "#f2ede4", "#e5ddd0"];
  const bg = detail ? shade(a, 0.55) : backgrounds[h % backgrounds.length]!;
  const wall = shade(bg, -0.04);
  const object = drawObject(kind, c, a);
  const transform = detail
    ? `translate(600 800) scale(1.55) translate(-600 -760) translate(${(h % 80) - 40} 0)`
    : "translate(600 1080) scale(1.22) translate(-600 -1080)";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <defs>
      <linearGradient id="light" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#fff" stop-opacity=".35"/><stop offset="1" stop-color="#000" stop-opacity=".06"/>
      </linearGradient>
      <filter id="blur"><feGaussianBlur stdDeviation="24"/></filter>
    </defs>
    <rect width="${W}" height="${H}" fill="${bg}"/>
    <rect width="${W}" height="1060" fill="${wall}"/>
    <rect y="1060" width="${W}" height="440" fill="${shade(bg, -0.08)}"/>
    <ellipse cx="${620 + (h % 40)}" cy="1090" rx="390" ry="46" fill="#2b2724" opacity=".18" filter="url(#blur)"/>
    <g transform="${transform}">${object}</g>
    <rect width="${W}" height="${H}" fill="url(#light)"/>
  </svg>`;
}

export async function generateProductImages({ force = false, log = console.log } = {}) {
  const outDir = path.join(process.cwd(), "public/images/generated");
  mkdirSync(outDir, { recursive: true });
  const jobs: (() => Promise<unknown>)[] = [];
  for (const product of seedProducts) {
    for (const index of [0, 1]) {
      const file = path.join(process.cwd(), "public", imagePath(product.slug, index));
      if (!force && existsSync(file)) continue;
      const svg = svgFor(product.art, product.palette, product.slug, index === 1);
      jobs.push(() => sharp(Buffer.from(svg)).webp({ quality: 82 }).toFile(file));
    }
  }
  // A few at a time: sharp renders on libuv's thread pool, so this uses every core.
  let drawn = jobs.length;
  const queue = [...jobs];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
  // Open Graph fallback and brand image.
  const brand = path.join(outDir, "brand.webp");
  if (force || !existsSync(brand)) {
    const svg = svgFor("jar-candle", ["#a0522d", "#f3e3c3"], "brand", false);
    await sharp(Buffer.from(svg)).resize(1200, 630, { fit: "cover" }).webp({ quality: 80 }).toFile(brand);
    drawn++;
  }
  if (drawn > 0) log(`Drew ${drawn} product images in public/images/generated/.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generateProductImages({ force: process.argv.includes("--force") });
}
