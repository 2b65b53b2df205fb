import { Picture } from "@/components/ui/picture";
import type { ImageDto } from "@/db/queries/catalog";

/**
 * A swipeable gallery built from CSS scroll snapping: no JavaScript, and the thumbnails are
 * plain in-page links to each image.
 */
export function ProductGallery({ images, title }: { images: ImageDto[]; title: string }) {
  if (images.length === 0) {
    return <div className="aspect-[4/5] rounded-card bg-surface-sunken" role="img" aria-label={`No photo of ${title} yet`} />;
  }
  return (
    <div>
      <ul
        className="flex snap-x snap-mandatory overflow-x-auto rounded-card [scrollbar-width:none]"
        aria-label={`Photos of ${title}`}
        tabIndex={0}
      >
        {images.map((image, i) => (
          <li key={image.src} id={`photo-${i + 1}`} className="w-full shrink-0 snap-center">
            <Picture
              src={image.src}
              alt={image.alt}
              width={image.width}
              height={image.height}
              eager={i === 0}
              quality={85}
              sizes="(min-width: 768px) 50vw, 100vw"
              className="aspect-[4/5] w-full bg-surface-sunken object-cover"
            />
          </li>
        ))}
      </ul>
      {images.length > 1 ? (
        <ul className="mt-3 flex gap-3">
          {images.map((image, i) => (
            <li key={image.src}>
              <a href={`#photo-${i + 1}`} className="block overflow-hidden rounded-lg border border-line" aria-label={`Show photo ${i + 1} of ${images.length}`}>
                <Picture src={image.src} alt="" width={96} height={120} sizes="96px" className="h-[120px] w-24 object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
