/**
 * The demo catalogue: Ember & Oak, a small homeware and clothing workshop. A merchant
 * replaces this file with their own products (or imports them) to re-brand the shop.
 * Images are drawn locally by scripts/generate-images.ts from `art` — nothing is fetched.
 */

export type ArtKind =
  | "candle"
  | "jar-candle"
  | "mug"
  | "bowl"
  | "vase"
  | "plate"
  | "throw"
  | "shirt"
  | "apron"
  | "towel"
  | "sweater"
  | "beanie"
  | "scarf"
  | "socks"
  | "coffee"
  | "giftbox";

export type SeedVariant = { options: Record<string, string>; price: number; compareAt?: number; stock: number };

export type SeedProduct = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  materials: string;
  care: string;
  keywords: string;
  art: ArtKind;
  /** Colours for the illustration: [object, accent]. */
  palette: [string, string];
  optionNames: string[];
  variants: SeedVariant[];
  collections: string[];
  featuredRank?: number;
  /** A consumable: suggested again to a past buyer this many days after they bought it. */
  rebuyAfterDays?: number;
  /** Days before the seed date the product was added; sorts "newest". */
  ageDays: number;
};

export type SeedCollection = { slug: string; title: string; description: string };

export const seedCollections: SeedCollection[] = [
  { slug: "candles", title: "Candles", description: "Hand-poured soy and rapeseed wax with cotton wicks. Scented with essential oils, never synthetic musks." },
  { slug: "ceramics", title: "Ceramics", description: "Stoneware thrown on the wheel in our workshop, glazed in small batches so no two pieces match." },
  { slug: "linen", title: "Linen", description: "Stonewashed European flax for the table, the kitchen and the body. Softer with every wash." },
  { slug: "knitwear", title: "Knitwear", description: "British wool and merino, knitted in Leicestershire to patterns we draw ourselves." },
  { slug: "coffee", title: "Coffee", description: "Small-batch roasts from two farms we have bought from for six years. Roasted on Mondays, posted on Tuesdays." },
  { slug: "gift-sets", title: "Gift sets", description: "Boxed and ready to give, with a handwritten card if you ask for one at checkout." },
];

const PENCE = 100;
const p = (pounds: number) => Math.round(pounds * PENCE);

// Deterministic "random" stock so the demo always has the same low-stock and sold-out items.
function stockFor(seed: string, index: number): number {
  let h = 2166136261;
  for (const ch of `${seed}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const r = (h >>> 0) % 100;
  if (r < 8) return 0;
  if (r < 22) return 1 + (r % 4);
  return 6 + (r % 30);
}

function variants(
  slug: string,
  axes: Record<string, string[]>,
  price: (combo: Record<string, string>) => number,
  compareAt?: (combo: Record<string, string>) => number | undefined,
): SeedVariant[] {
  const names = Object.keys(axes);
  let combos: Record<string, string>[] = [{}];
  for (const name of names) {
    combos = combos.flatMap((c) => (axes[name] ?? []).map((value) => ({ ...c, [name]: value })));
  }
  return combos.map((combo, i) => ({ options: combo, price: price(combo), compareAt: compareAt?.(combo), stock: stockFor(slug, i) }));
}

const single = (slug: string, pounds: number, stock?: number): SeedVariant[] => [
  { options: {}, price: p(pounds), stock: stock ?? stockFor(slug, 0) },
];

const candleScents = ["Cedar & Smoke", "Fig Leaf", "Wild Rosemary"];
const sizes = ["S", "M", "L", "XL"];

const candleCare =
  "Trim the wick to 5 mm before each burn. Burn for no more than four hours at a time, on a heat-proof surface, away from draughts.";
const stonewareCare = "Dishwasher and microwave safe. Avoid sudden changes of temperature.";
const linenCare = "Machine wash at 40°C with similar colours. Tumble dry low or line dry; iron while damp if you like it crisp.";
const woolCare = "Hand wash cold or use a wool cycle. Dry flat, away from direct heat. Store folded, never on a hanger.";
const coffeeCare = "Keep in the resealable bag, away from light. Best within six weeks of the roast date printed on the bag.";

export const seedProducts: SeedProduct[] = [
  // ---------------------------------------------------------------- candles
  {
    slug: "hearth-pillar-candle", title: "Hearth pillar candle", summary: "A tall, slow-burning pillar for long evenings.",
    description: "Our first candle and still our favourite. A dense pillar of soy and rapeseed wax that burns for around 60 hours with a steady, quiet flame.",
    materials: "Soy and rapeseed wax, unbleached cotton wick, essential oils.", care: candleCare, keywords: "candle pillar wax",
    art: "candle", palette: ["#efe6d8", "#b4532a"], optionNames: ["Scent"], collections: ["candles"], featuredRank: 1, rebuyAfterDays: 60, ageDays: 300,
    variants: variants("hearth-pillar-candle", { Scent: candleScents }, () => p(24)),
  },
  {
    slug: "ember-jar-candle", title: "Ember jar candle", summary: "Poured into a reusable amber glass jar.",
    description: "A 220 g candle in an amber apothecary jar with a cork lid. When it is finished, wash the jar in warm soapy water and keep pencils or cotton buds in it.",
    materials: "Soy wax, cotton wick, amber glass, cork.", care: candleCare, keywords: "candle jar glass scented",
    art: "jar-candle", palette: ["#a0522d", "#f3e3c3"], optionNames: ["Scent"], collections: ["candles"], featuredRank: 4, rebuyAfterDays: 45, ageDays: 200,
    variants: variants("ember-jar-candle", { Scent: [...candleScents, "Orange Peel"] }, () => p(28)),
  },
  {
    slug: "taper-candles-pair", title: "Taper candles, pair", summary: "Dripless dinner candles dipped by hand.",
    description: "Two 25 cm tapers, dipped eighteen times each so they burn evenly and barely drip. They fit a standard 2.2 cm candlestick.",
    materials: "Rapeseed wax, cotton wick, natural pigment.", care: candleCare, keywords: "candle taper dinner candlestick",
    art: "candle", palette: ["#6b7f5e", "#e9dcc4"], optionNames: ["Colour"], collections: ["candles"], rebuyAfterDays: 30, ageDays: 150,
    variants: variants("taper-candles-pair", { Colour: ["Sage", "Ivory", "Terracotta", "Charcoal"] }, () => p(12)),
  },
  {
    slug: "travel-tin-candle", title: "Travel tin candle", summary: "A small candle with a lid, for the bag or the bathroom.",
    description: "Twenty hours of burn time in a tin that closes. A good way to try a scent before committing to a big jar.",
    materials: "Soy wax, cotton wick, recycled tin.", care: candleCare, keywords: "candle tin travel small",
    art: "jar-candle", palette: ["#9aa3a8", "#efe6d8"], optionNames: ["Scent"], collections: ["candles"], rebuyAfterDays: 30, ageDays: 120,
    variants: variants("travel-tin-candle", { Scent: candleScents }, () => p(11)),
  },
  {
    slug: "beeswax-tealights", title: "Beeswax tealights, box of 12", summary: "Pure beeswax in reusable aluminium cups.",
    description: "Beeswax from a cooperative in Herefordshire burns brighter and longer than paraffin tealights and smells faintly of honey.",
    materials: "Beeswax, cotton wick, aluminium cups.", care: candleCare, keywords: "candle tealight beeswax",
    art: "candle", palette: ["#e2b04a", "#7a4b1c"], optionNames: [], collections: ["candles"], rebuyAfterDays: 30, ageDays: 400,
    variants: single("beeswax-tealights", 14),
  },
  {
    slug: "smoked-oak-candle", title: "Smoked oak candle", summary: "Our darkest scent, in a three-wick bowl.",
    description: "A wide stoneware bowl with three wicks, scented with smoked oak, vetiver and a little black pepper. Made for big rooms.",
    materials: "Soy wax, cotton wicks, stoneware bowl made in our workshop.", care: candleCare, keywords: "candle three wick bowl smoky",
    art: "jar-candle", palette: ["#3f3a36", "#c9a27a"], optionNames: [], collections: ["candles"], featuredRank: 8, rebuyAfterDays: 60, ageDays: 20,
    variants: single("smoked-oak-candle", 58, 3),
  },
  {
    slug: "wick-trimmer", title: "Brass wick trimmer", summary: "Trims wicks cleanly, even deep in a jar.",
    description: "A long-handled trimmer with an angled blade that catches the trimmed wick. Solid brass that darkens slowly with use.",
    materials: "Solid brass.", care: "Wipe with a dry cloth. Polish with a little lemon juice if you prefer it bright.", keywords: "candle accessory trimmer brass",
    art: "giftbox", palette: ["#c9a227", "#3f3a36"], optionNames: [], collections: ["candles"], ageDays: 260,
    variants: single("wick-trimmer", 18),
  },
  // ---------------------------------------------------------------- ceramics
  {
    slug: "everyday-mug", title: "Everyday mug", summary: "A 350 ml mug with a thumb rest on the handle.",
    description: "Thrown in batches of forty and glazed by dipping, so each one has its own run of colour at the rim. Holds a proper mug of tea.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "mug cup tea coffee ceramic",
    art: "mug", palette: ["#d9cbb5", "#b4532a"], optionNames: ["Colour"], collections: ["ceramics"], featuredRank: 2, ageDays: 350,
    variants: variants("everyday-mug", { Colour: ["Oat", "Terracotta", "Moss", "Slate"] }, () => p(22)),
  },
  {
    slug: "espresso-cups-pair", title: "Espresso cups, pair", summary: "Two 90 ml cups without handles.",
    description: "Small, heavy-bottomed cups that keep an espresso warm. Unglazed at the foot so you can feel the clay.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "espresso cup ceramic coffee",
    art: "mug", palette: ["#3f4a52", "#d9cbb5"], optionNames: ["Colour"], collections: ["ceramics", "coffee"], ageDays: 90,
    variants: variants("espresso-cups-pair", { Colour: ["Slate", "Oat"] }, () => p(26)),
  },
  {
    slug: "breakfast-bowl", title: "Breakfast bowl", summary: "Deep enough for porridge, wide enough for ramen.",
    description: "A 16 cm bowl with a gently flared rim. Stacks neatly. The glaze breaks to brown where it runs thin over the edges.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "bowl cereal ceramic dish",
    art: "bowl", palette: ["#c8b99c", "#6b7f5e"], optionNames: ["Colour"], collections: ["ceramics"], featuredRank: 5, ageDays: 330,
    variants: variants("breakfast-bowl", { Colour: ["Oat", "Moss", "Slate"] }, () => p(24)),
  },
  {
    slug: "serving-bowl", title: "Large serving bowl", summary: "A 30 cm bowl for salads and sharing.",
    description: "Thrown in one go from four kilos of clay, then trimmed by hand. It is heavy, in a good way.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "bowl salad serving ceramic",
    art: "bowl", palette: ["#e6dccb", "#b4532a"], optionNames: [], collections: ["ceramics"], ageDays: 180,
    variants: single("serving-bowl", 72, 2),
  },
  {
    slug: "bud-vase", title: "Bud vase", summary: "Holds one stem, or three if you are generous.",
    description: "A narrow-necked vase, 14 cm tall. Glazed inside so it holds water, left raw outside so it feels like stone.",
    materials: "Stoneware, glazed interior.", care: "Hand wash. Not for the dishwasher: the raw clay outside stains.", keywords: "vase flower ceramic bud",
    art: "vase", palette: ["#b9a58a", "#6b7f5e"], optionNames: ["Colour"], collections: ["ceramics"], ageDays: 60,
    variants: variants("bud-vase", { Colour: ["Sand", "Charcoal"] }, () => p(19)),
  },
  {
    slug: "tall-vase", title: "Tall vase", summary: "A 32 cm vase for branches and dried grasses.",
    description: "A tall cylinder with a slight swell at the shoulder, finished in our ash glaze that pools green in the throwing lines.",
    materials: "Stoneware, ash glaze.", care: "Hand wash.", keywords: "vase tall ceramic branches",
    art: "vase", palette: ["#7f8c6a", "#e6dccb"], optionNames: [], collections: ["ceramics"], ageDays: 15,
    variants: single("tall-vase", 64, 0),
  },
  {
    slug: "dinner-plate", title: "Dinner plate", summary: "A 27 cm plate with a low rim that stops peas escaping.",
    description: "Pressed from a mould we made from a thrown original, so the plates stack but still look handmade.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "plate dinner ceramic tableware",
    art: "plate", palette: ["#e6dccb", "#3f4a52"], optionNames: ["Colour"], collections: ["ceramics"], ageDays: 240,
    variants: variants("dinner-plate", { Colour: ["Oat", "Slate", "Moss"] }, () => p(28)),
  },
  {
    slug: "side-plate", title: "Side plate", summary: "A 20 cm plate for toast, cake or a quick lunch.",
    description: "The little sister of our dinner plate, in the same glazes, so you can mix them across a table.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "plate side ceramic tableware",
    art: "plate", palette: ["#d9cbb5", "#6b7f5e"], optionNames: ["Colour"], collections: ["ceramics"], ageDays: 240,
    variants: variants("side-plate", { Colour: ["Oat", "Slate", "Moss"] }, () => p(20)),
  },
  {
    slug: "pour-over-dripper", title: "Pour-over dripper", summary: "A ceramic cone for size 2 filters.",
    description: "Ribbed inside so the paper never seals against the wall and the coffee draws down evenly. Sits on most mugs.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "coffee pour over dripper filter v60",
    art: "bowl", palette: ["#f2ece2", "#3f3a36"], optionNames: [], collections: ["ceramics", "coffee"], ageDays: 45,
    variants: single("pour-over-dripper", 32),
  },
  {
    slug: "stoneware-teapot", title: "Stoneware teapot", summary: "A 900 ml pot for four cups, with a strainer thrown into the spout.",
    description: "The lid has a deep flange so it stays put when you pour the last cup. The handle is pulled by hand, not moulded, and fits four fingers.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "teapot pot tea ceramic",
    art: "vase", palette: ["#6b7f5e", "#e6dccb"], optionNames: [], collections: ["ceramics"], ageDays: 380,
    variants: single("stoneware-teapot", 68),
  },
  {
    slug: "salt-pig", title: "Salt pig", summary: "A hooded jar that keeps salt dry and within pinching reach.",
    description: "The hood keeps steam and dust out while leaving a wide mouth for your fingers. Unglazed inside, so the clay draws moisture from the salt.",
    materials: "Stoneware, glazed outside only.", care: "Wipe clean. Let it dry fully before refilling.", keywords: "salt jar kitchen ceramic",
    art: "bowl", palette: ["#d9cbb5", "#3f4a52"], optionNames: [], collections: ["ceramics"], ageDays: 420,
    variants: single("salt-pig", 24),
  },
  {
    slug: "oil-bottle", title: "Olive oil bottle", summary: "A 500 ml pouring bottle with a cork stopper.",
    description: "A narrow spout thrown onto a round belly, so oil comes out in a thin stream rather than a glug. The cork is replaceable.",
    materials: "Stoneware, glazed inside and out; natural cork.", care: "Hand wash with hot water. Dry upside down.", keywords: "oil bottle pourer kitchen ceramic",
    art: "vase", palette: ["#b4532a", "#f2ece2"], optionNames: [], collections: ["ceramics"], ageDays: 450,
    variants: single("oil-bottle", 30),
  },
  {
    slug: "butter-dish", title: "Butter dish", summary: "A lidded dish that holds a 250 g block.",
    description: "A low base with a domed lid and a knob you can lift with one finger. Keeps butter soft on the table and out of the light.",
    materials: "Stoneware, lead-free glaze.", care: stonewareCare, keywords: "butter dish lid kitchen ceramic",
    art: "plate", palette: ["#e6dccb", "#6b7f5e"], optionNames: [], collections: ["ceramics"], ageDays: 470,
    variants: single("butter-dish", 34),
  },
  // ---------------------------------------------------------------- linen
  {
    slug: "linen-overshirt", title: "Linen overshirt", summary: "A boxy shirt-jacket in heavy washed linen.",
    description: "Cut loose to wear over a T-shirt or knit. Two chest pockets, corozo buttons, and a back yoke that keeps its shape.",
    materials: "100% European linen, 280 g/m², corozo nut buttons.", care: linenCare, keywords: "shirt overshirt jacket linen clothing",
    art: "shirt", palette: ["#b7a48a", "#3f3a36"], optionNames: ["Colour", "Size"], collections: ["linen"], featuredRank: 3, ageDays: 30,
    variants: variants("linen-overshirt", { Colour: ["Sand", "Charcoal", "Moss"], Size: sizes }, () => p(95)),
  },
  {
    slug: "linen-shirt", title: "Linen shirt", summary: "A relaxed everyday shirt with a camp collar.",
    description: "Light enough for August, easy to layer in October. Garment-washed so it arrives soft and will not shrink again.",
    materials: "100% European linen, 180 g/m².", care: linenCare, keywords: "shirt linen clothing summer",
    art: "shirt", palette: ["#e9e2d3", "#6b7f5e"], optionNames: ["Colour", "Size"], collections: ["linen"], ageDays: 70,
    variants: variants("linen-shirt", { Colour: ["White", "Sand", "Sky"], Size: sizes }, () => p(72), () => p(85)),
  },
  {
    slug: "linen-apron", title: "Workshop apron", summary: "A cross-back apron with deep pockets.",
    description: "The apron we wear in the studio: crossed straps so nothing pulls on your neck, and a pocket big enough for a phone and a pencil.",
    materials: "Washed linen canvas, brass rivets.", care: linenCare, keywords: "apron kitchen linen cooking",
    art: "apron", palette: ["#8a6f52", "#efe6d8"], optionNames: ["Colour"], collections: ["linen"], ageDays: 210,
    variants: variants("linen-apron", { Colour: ["Tobacco", "Charcoal", "Sand"] }, () => p(42)),
  },
  {
    slug: "linen-tea-towels", title: "Linen tea towels, set of 2", summary: "Absorbent, lint-free and quick to dry.",
    description: "A loose waffle weave that dries glasses without leaving fluff, with a cotton loop for hanging.",
    materials: "100% linen.", care: linenCare, keywords: "tea towel kitchen linen",
    art: "towel", palette: ["#c9b8a0", "#b4532a"], optionNames: ["Colour"], collections: ["linen"], featuredRank: 7, ageDays: 280,
    variants: variants("linen-tea-towels", { Colour: ["Natural", "Rust stripe", "Sage stripe"] }, () => p(18)),
  },
  {
    slug: "linen-napkins", title: "Linen napkins, set of 4", summary: "Generous 45 cm napkins with mitred corners.",
    description: "Stonewashed so they look relaxed on the table straight from the line. No ironing required, ever.",
    materials: "100% linen.", care: linenCare, keywords: "napkin table linen dining",
    art: "towel", palette: ["#d7c9b2", "#6b7f5e"], optionNames: ["Colour"], collections: ["linen"], ageDays: 160,
    variants: variants("linen-napkins", { Colour: ["Natural", "Sage", "Terracotta", "Charcoal"] }, () => p(32)),
  },
  {
    slug: "linen-tablecloth", title: "Linen tablecloth", summary: "A heavy cloth for the everyday table.",
    description: "Wide enough for a six-seat table with a good drop at each end. Hemmed by hand with a 3 cm border.",
    materials: "100% linen, 240 g/m².", care: linenCare, keywords: "tablecloth table linen dining",
    art: "throw", palette: ["#e2d7c4", "#8a6f52"], optionNames: ["Colour"], collections: ["linen"], ageDays: 140,
    variants: variants("linen-tablecloth", { Colour: ["Natural", "Oat"] }, () => p(85)),
  },
  {
    slug: "linen-bedding-set", title: "Linen duvet set", summary: "Duvet cover and two pillowcases.",
    description: "Cool in summer and warm in winter, the way only linen is. Wooden buttons at the foot, envelope pillowcases.",
    materials: "100% European linen, 160 g/m², wooden buttons.", care: linenCare, keywords: "bedding duvet pillow bed linen",
    art: "throw", palette: ["#dcd3c6", "#9aa3a8"], optionNames: ["Colour", "Size"], collections: ["linen"], ageDays: 100,
    variants: variants("linen-bedding-set", { Colour: ["Oat", "Mist"], Size: ["Double", "King"] }, (c) => (c.Size === "King" ? p(210) : p(180))),
  },
  {
    slug: "linen-trousers", title: "Drawstring linen trousers", summary: "Wide-leg trousers with an elastic back.",
    description: "Our most-worn summer piece: a wide leg that moves, a flat front, and side pockets that hold something.",
    materials: "100% European linen, 200 g/m².", care: linenCare, keywords: "trousers pants linen clothing",
    art: "apron", palette: ["#4c4a45", "#e9e2d3"], optionNames: ["Colour", "Size"], collections: ["linen"], ageDays: 10,
    variants: variants("linen-trousers", { Colour: ["Charcoal", "Sand"], Size: sizes }, () => p(78)),
  },
  // ---------------------------------------------------------------- knitwear
  {
    slug: "fisherman-jumper", title: "Fisherman jumper", summary: "A dense cable knit in undyed British wool.",
    description: "Knitted on a hand-flat machine in Leicestershire from wool that keeps its natural lanolin, so it shrugs off drizzle.",
    materials: "100% British wool, undyed.", care: woolCare, keywords: "jumper sweater cable knit wool pullover",
    art: "sweater", palette: ["#e6dccb", "#8a6f52"], optionNames: ["Colour", "Size"], collections: ["knitwear"], featuredRank: 6, ageDays: 50,
    variants: variants("fisherman-jumper", { Colour: ["Ecru", "Oatmeal", "Navy"], Size: sizes }, () => p(145)),
  },
  {
    slug: "merino-hoodie", title: "Merino hoodie", summary: "A fine-gauge knitted hoodie you can sleep in.",
    description: "Extra-fine merino with a double-layer hood and a kangaroo pocket. Warm, breathable and it does not smell after a week of travel.",
    materials: "100% extra-fine merino wool, 17.5 micron.", care: woolCare, keywords: "hoodie hooded sweatshirt merino knit wool",
    art: "sweater", palette: ["#5a6b5d", "#e6dccb"], optionNames: ["Colour", "Size"], collections: ["knitwear"], featuredRank: 9, ageDays: 5,
    variants: variants("merino-hoodie", { Colour: ["Moss", "Charcoal", "Oatmeal"], Size: sizes }, () => p(125)),
  },
  {
    slug: "lambswool-cardigan", title: "Lambswool cardigan", summary: "A soft V-neck cardigan with horn buttons.",
    description: "Lambswool from the first shearing, brushed for a halo of softness. Slightly longer at the back.",
    materials: "100% lambswool, horn buttons.", care: woolCare, keywords: "cardigan knit wool lambswool",
    art: "sweater", palette: ["#b4532a", "#efe6d8"], optionNames: ["Colour", "Size"], collections: ["knitwear"], ageDays: 130,
    variants: variants("lambswool-cardigan", { Colour: ["Rust", "Oatmeal"], Size: sizes }, () => p(120), () => p(140)),
  },
  {
    slug: "ribbed-beanie", title: "Ribbed beanie", summary: "A deep turn-up beanie in soft merino.",
    description: "Long enough to fold twice over cold ears. One size that fits most heads without leaving a mark.",
    materials: "100% merino wool.", care: woolCare, keywords: "beanie hat knit wool winter",
    art: "beanie", palette: ["#b4532a", "#efe6d8"], optionNames: ["Colour"], collections: ["knitwear"], ageDays: 75,
    variants: variants("ribbed-beanie", { Colour: ["Rust", "Charcoal", "Ecru", "Moss"] }, () => p(35)),
  },
  {
    slug: "chunky-scarf", title: "Chunky wool scarf", summary: "Two metres of fisherman rib.",
    description: "Wide and long enough to wrap twice. Knitted in the same undyed wool as our fisherman jumper.",
    materials: "100% British wool.", care: woolCare, keywords: "scarf knit wool winter",
    art: "scarf", palette: ["#8a8f7a", "#efe6d8"], optionNames: ["Colour"], collections: ["knitwear"], ageDays: 190,
    variants: variants("chunky-scarf", { Colour: ["Sage", "Ecru", "Charcoal"] }, () => p(58)),
  },
  {
    slug: "wool-socks", title: "Walking socks", summary: "Cushioned wool socks with a reinforced heel.",
    description: "Knitted in Wales from a blend that holds its shape: mostly wool, a little nylon where socks wear through.",
    materials: "80% wool, 20% nylon.", care: "Machine wash at 30°C on a wool cycle. Do not tumble dry.", keywords: "socks wool walking",
    art: "socks", palette: ["#6b7f5e", "#b4532a"], optionNames: ["Colour", "Size"], collections: ["knitwear"], ageDays: 110,
    variants: variants("wool-socks", { Colour: ["Moss", "Oatmeal"], Size: ["S", "M", "L"] }, () => p(16)),
  },
  {
    slug: "alpaca-throw", title: "Alpaca throw", summary: "A light, warm blanket for the sofa.",
    description: "A loose herringbone weave of baby alpaca and wool: lighter than it looks and warmer than it has any right to be.",
    materials: "60% baby alpaca, 40% wool.", care: "Dry clean, or hand wash cold and dry flat.", keywords: "throw blanket alpaca sofa",
    art: "throw", palette: ["#a89a86", "#3f3a36"], optionNames: ["Colour"], collections: ["knitwear"], ageDays: 25,
    variants: variants("alpaca-throw", { Colour: ["Stone", "Charcoal"] }, () => p(165)),
  },
  {
    slug: "fingerless-mitts", title: "Fingerless mitts", summary: "For typing, drawing and cold kitchens.",
    description: "Long cuffs to tuck into sleeves, a thumb gusset so they do not pull. Sold out every winter so far.",
    materials: "100% merino wool.", care: woolCare, keywords: "gloves mitts fingerless wool",
    art: "socks", palette: ["#3f4a52", "#e6dccb"], optionNames: ["Colour"], collections: ["knitwear"], ageDays: 220,
    variants: [
      { options: { Colour: "Navy" }, price: p(28), stock: 0 },
      { options: { Colour: "Ecru" }, price: p(28), stock: 0 },
    ],
  },
  // ---------------------------------------------------------------- coffee
  {
    slug: "morning-blend-coffee", title: "Morning blend", summary: "Chocolate, hazelnut and a little red apple.",
    description: "A medium roast of Brazilian and Colombian beans that tastes good as espresso, in a cafetière and with milk.",
    materials: "Arabica coffee, roasted in Derbyshire.", care: coffeeCare, keywords: "coffee beans blend espresso filter",
    art: "coffee", palette: ["#8a5a3c", "#efe6d8"], optionNames: ["Roast", "Grind"], collections: ["coffee"], featuredRank: 10, rebuyAfterDays: 28, ageDays: 365,
    variants: variants("morning-blend-coffee", { Roast: ["Medium"], Grind: ["Whole bean", "Cafetière", "Filter", "Espresso"] }, () => p(12)),
  },
  {
    slug: "ethiopia-single-origin", title: "Ethiopia Guji", summary: "Bergamot, peach and jasmine. A light roast.",
    description: "A washed coffee from the Guji zone, grown at 2,100 metres. Bright and floral; best as filter.",
    materials: "Arabica coffee, single origin.", care: coffeeCare, keywords: "coffee beans ethiopia single origin filter light",
    art: "coffee", palette: ["#c48a4a", "#3f3a36"], optionNames: ["Roast", "Grind"], collections: ["coffee"], rebuyAfterDays: 28, ageDays: 35,
    variants: variants("ethiopia-single-origin", { Roast: ["Light"], Grind: ["Whole bean", "Filter"] }, () => p(14)),
  },
  {
    slug: "colombia-decaf", title: "Colombia decaf", summary: "Sugar-cane processed, caramel sweet.",
    description: "Decaffeinated with ethyl acetate from fermented sugar cane, which keeps the coffee tasting like coffee.",
    materials: "Arabica coffee, sugar-cane decaffeinated.", care: coffeeCare, keywords: "coffee decaf decaffeinated beans",
    art: "coffee", palette: ["#5e4636", "#d9cbb5"], optionNames: ["Roast", "Grind"], collections: ["coffee"], rebuyAfterDays: 28, ageDays: 80,
    variants: variants("colombia-decaf", { Roast: ["Medium"], Grind: ["Whole bean", "Cafetière", "Filter"] }, () => p(13)),
  },
  {
    slug: "dark-roast-coffee", title: "Fireside dark roast", summary: "Molasses, cocoa nib and smoke.",
    description: "A darker roast for stovetop pots and people who like their coffee to taste of coffee. Low acidity.",
    materials: "Arabica and Robusta coffee.", care: coffeeCare, keywords: "coffee dark roast beans moka",
    art: "coffee", palette: ["#2f2622", "#b4532a"], optionNames: ["Roast", "Grind"], collections: ["coffee"], rebuyAfterDays: 28, ageDays: 170,
    variants: variants("dark-roast-coffee", { Roast: ["Dark"], Grind: ["Whole bean", "Espresso"] }, () => p(12)),
  },
  {
    slug: "coffee-subscription-box", title: "Three-month coffee box", summary: "Three bags, one each month, prepaid.",
    description: "A different single origin each month chosen by our roaster, with tasting notes on the back of the card.",
    materials: "Three 250 g bags of coffee.", care: coffeeCare, keywords: "coffee gift subscription",
    art: "giftbox", palette: ["#8a5a3c", "#e9dcc4"], optionNames: ["Grind"], collections: ["coffee", "gift-sets"], ageDays: 12,
    variants: variants("coffee-subscription-box", { Grind: ["Whole bean", "Filter"] }, () => p(39)),
  },
  {
    slug: "coffee-scoop", title: "Walnut coffee scoop", summary: "Holds exactly one 15 g dose.",
    description: "Turned from offcuts of English walnut by a woodworker two villages over. Oiled, not varnished.",
    materials: "English walnut, food-safe oil.", care: "Wipe clean. Rub with a drop of oil when it looks dry.", keywords: "coffee scoop wood walnut",
    art: "bowl", palette: ["#6f4e37", "#e9dcc4"], optionNames: [], collections: ["coffee"], ageDays: 290,
    variants: single("coffee-scoop", 16),
  },
  // ---------------------------------------------------------------- gift sets
  {
    slug: "slow-morning-gift-set", title: "Slow morning gift set", summary: "Two mugs, a bag of Morning blend and a dripper.",
    description: "Everything for a good first cup, in a recycled card box with tissue. Choose the mug colour at checkout in a note if you like.",
    materials: "Stoneware, coffee, recycled card.", care: stonewareCare, keywords: "gift set coffee mug present",
    art: "giftbox", palette: ["#b4532a", "#efe6d8"], optionNames: [], collections: ["gift-sets", "coffee"], featuredRank: 11, ageDays: 40,
    variants: single("slow-morning-gift-set", 85),
  },
  {
    slug: "candlelight-gift-set", title: "Candlelight gift set", summary: "A pillar, a pair of tapers and a brass trimmer.",
    description: "Our three favourite candles and the trimmer to look after them, boxed with a card.",
    materials: "Soy and rapeseed wax, brass, recycled card.", care: candleCare, keywords: "gift set candle present",
    art: "giftbox", palette: ["#6b7f5e", "#efe6d8"], optionNames: [], collections: ["gift-sets", "candles"], featuredRank: 12, ageDays: 55,
    variants: single("candlelight-gift-set", 52, 4),
  },
  {
    slug: "warm-hands-gift-set", title: "Warm hands gift set", summary: "A beanie, fingerless mitts and walking socks.",
    description: "A knitwear bundle for someone who is always cold. Colours are chosen to go together.",
    materials: "Merino and British wool, recycled card.", care: woolCare, keywords: "gift set knitwear wool present hat",
    art: "giftbox", palette: ["#8a8f7a", "#efe6d8"], optionNames: [], collections: ["gift-sets", "knitwear"], ageDays: 18,
    variants: single("warm-hands-gift-set", 72, 0),
  },
  {
    slug: "table-gift-set", title: "Set the table gift set", summary: "Four napkins, two tea towels and a bud vase.",
    description: "A housewarming present that gets used every day. Wrapped in linen, not paper.",
    materials: "Linen, stoneware.", care: linenCare, keywords: "gift set table linen napkin vase",
    art: "giftbox", palette: ["#c9b8a0", "#3f4a52"], optionNames: [], collections: ["gift-sets", "linen"], ageDays: 95,
    variants: single("table-gift-set", 64),
  },
  {
    slug: "gift-card", title: "Gift card", summary: "Sent by email, spent on anything in the shop.",
    description: "A code they can use on anything, valid for two years. We email it on the day you choose, with your message.",
    materials: "Digital.", care: "Nothing to look after.", keywords: "gift card voucher present",
    art: "giftbox", palette: ["#3f3a36", "#b4532a"], optionNames: ["Amount"], collections: ["gift-sets"], ageDays: 500,
    variants: [
      { options: { Amount: "£25" }, price: p(25), stock: 9999 },
      { options: { Amount: "£50" }, price: p(50), stock: 9999 },
      { options: { Amount: "£100" }, price: p(100), stock: 9999 },
    ],
  },
];

/** The demo discount code, printed in the README: 10% off orders of £20 or more. */
export const seedDiscountCodes = [
  { code: "WELCOME10", kind: "percent" as const, value: 10, currency: "GBP", minSubtotal: 2000, usageLimit: null },
];

/**
 * The demo link page (/links): the intro and featured links a shop might put behind its
 * Instagram bio. Written once; a merchant's own edits are never reset by a re-seed.
 */
export const seedLinkPage = {
  intro: "Candles, ceramics and linen, made slowly in our Peak District workshop. New pieces most weeks: this is where to find them first.",
  links: [
    { kind: "product", slug: "smoked-oak-candle", label: "New: the smoked oak candle" },
    { kind: "collection", slug: "gift-sets", label: "" },
    { kind: "newsletter", label: "Hear about new pieces first" },
    { kind: "collection", slug: "ceramics", label: "" },
    { kind: "url", url: "/collections/coffee?sort=newest", label: "This week's coffee roast" },
  ] as const,
};

/**
 * Demo short links (/go/<slug>), as a marketer would make them for Instagram: one for a reel of
 * a product, one for the profile's bio link. Created once; a re-seed leaves edits alone.
 */
export const seedTrackedLinks = [
  {
    slug: "oak-candle-reel",
    destination: "/products/smoked-oak-candle",
    label: "Reel: lighting the smoked oak candle",
    utmSource: "instagram",
    utmMedium: "social",
    utmCampaign: "oak-candle-reel",
    utmContent: null,
  },
  { slug: "bio", destination: "/links", label: "Instagram profile link", utmSource: "instagram", utmMedium: "social", utmCampaign: "bio", utmContent: null },
];

/**
 * Demo people, so a newcomer can see the account pages and the admin at once. They sign in
 * like anyone else: with a magic link read from the local mailbox (/dev/mailbox).
 */
export const demoPeople = {
  admin: { email: "admin@emberandoak.example", name: "Alex Merchant", role: "admin" as const },
  /** A team member who runs orders and stock, and one who reads the figures: to see each role's admin. */
  staff: [
    { email: "staff@emberandoak.example", name: "Sam Packer", role: "staff" as const },
    { email: "marketer@emberandoak.example", name: "Jo Storyteller", role: "marketer" as const },
  ],
  shopper: {
    email: "shopper@emberandoak.example",
    name: "Robin Ashworth",
    role: "customer" as const,
    address: { name: "Robin Ashworth", line1: "4 Mill Lane", line2: "", city: "Hathersage", postalCode: "S32 1BA", country: "GB" },
    /** Each order: [product slug, variant index, quantity][], and how many days before the seed date. */
    orders: [
      { daysAgo: 20, lines: [["hearth-pillar-candle", 0, 2]] as const, status: "fulfilled" as const },
      { daysAgo: 4, lines: [["everyday-mug", 0, 1]] as const, status: "paid" as const },
    ],
  },
};
