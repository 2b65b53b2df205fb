import { getImageProps } from "next/image";
import type { ComponentProps } from "react";

type PictureProps = {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** Above the fold: load at once and early (the page's largest image). */
  eager?: boolean;
  quality?: 75 | 85;
  className?: string;
} & Omit<ComponentProps<"img">, "src" | "srcSet" | "width" | "height" | "loading">;

/**
 * An optimised, responsive image rendered entirely on the server: the same srcset as
 * next/image, but a plain <img>, so pages ship no image JavaScript.
 */
export function Picture({ src, alt, width, height, sizes, eager = false, quality = 75, className, ...rest }: PictureProps) {
  const { props } = getImageProps({ src, alt, width, height, sizes, quality, loading: eager ? "eager" : "lazy" });
  // getImageProps gives next/image's optimised srcset; the lint rule cannot see that.
  // eslint-disable-next-line @next/next/no-img-element
  return <img {...props} {...rest} alt={alt} className={className} fetchPriority={eager ? "high" : undefined} />;
}
