import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

/*
 * tailwind-merge knows Tailwind's default scales, not the ones app/theme.css adds. Without
 * these, `text-display` (a size) looked like a text colour and was dropped beside
 * `text-accent-700`, and `rounded-card` never replaced `rounded-full`. Colours need no entry:
 * any name is accepted as one. A unit test checks this list against theme.css.
 */
export const themeScales = {
  text: ["display"],
  radius: ["card"],
};

const twMerge = extendTailwindMerge({ extend: { theme: themeScales } });

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}
