"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState, type FormEvent } from "react";
import { removeProductImageAction, makeImageFirstAction, uploadProductImageAction } from "@/app/admin/products/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Label } from "@/components/ui/input";

type Image = { id: number; src: string; alt: string; width: number; height: number };

/** Product photos: upload (checked again on the server), make one the first, remove. */
export function ProductImages({ productId, images, maxBytes }: { productId: number; images: Image[]; maxBytes: number }) {
  return (
    <section aria-labelledby="photos-heading" className="space-y-4 rounded-card border border-line bg-surface-raised p-4 md:p-6">
      <h2 id="photos-heading" className="font-medium">
        Photos
      </h2>
      {images.length === 0 ? <p className="text-sm text-ink-muted">No photos yet. The shop shows a plain panel until you add one.</p> : null}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {images.map((image, i) => (
          <li key={image.id} className="overflow-hidden rounded-lg border border-line">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small admin preview of the stored file */}
            <img src={image.src} alt={image.alt} width={image.width} height={image.height} className="aspect-[4/5] w-full bg-surface-sunken object-cover" loading="lazy" />
            <div className="space-y-2 p-2 text-xs">
              <p className="line-clamp-2 text-ink-muted">{image.alt}</p>
              <div className="flex flex-wrap items-center gap-3">
                {i === 0 ? (
                  <span className="font-medium">First photo</span>
                ) : (
                  <MakeFirst productId={productId} imageId={image.id} position={i + 1} />
                )}
                <ConfirmAction
                  action={removeProductImageAction}
                  fields={{ id: productId, imageId: image.id }}
                  trigger={
                    <Button type="button" variant="quiet" size="none">
                      Remove<span className="sr-only"> photo {i + 1}</span>
                    </Button>
                  }
                  title="Remove this photo?"
                  description="It disappears from the shop at once and its file is deleted."
                  confirmLabel="Remove photo"
                  pendingLabel="Removing…"
                  success="Photo removed."
                />
              </div>
            </div>
          </li>
        ))}
      </ul>
      <UploadForm productId={productId} maxBytes={maxBytes} />
    </section>
  );
}

function MakeFirst({ productId, imageId, position }: { productId: number; imageId: number; position: number }) {
  const { formAction, pending } = useAdminAction(makeImageFirstAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={productId} />
      <input type="hidden" name="imageId" value={imageId} />
      <Button type="submit" variant="quiet" size="none" disabled={pending}>
        Make first<span className="sr-only"> (photo {position})</span>
      </Button>
    </form>
  );
}

function UploadForm({ productId, maxBytes }: { productId: number; maxBytes: number }) {
  const router = useRouter();
  const { state, formAction, pending, errors } = useAdminAction(uploadProductImageAction);
  const [tooLarge, setTooLarge] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    if (state?.ok) {
      formRef.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  const megabytes = maxBytes / 1024 / 1024;
  const imageErrors = tooLarge ? [`That file is larger than ${megabytes} MB. Export a smaller JPEG or PNG and try again.`] : errors.image;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooLarge) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} noValidate className="grid gap-3 border-t border-line pt-4 md:grid-cols-[1fr_1fr_auto] md:items-start">
      <input type="hidden" name="id" value={productId} />
      <div className="md:col-span-3">
        <FormStatus state={state && !state.ok ? state : null} fields={["image", "alt"]} />
      </div>
      <div>
        <Label htmlFor="image">Photo</Label>
        <p id="image-hint" className="text-xs text-ink-muted">
          JPEG, PNG, WebP, AVIF or GIF, up to {megabytes} MB. Stored as WebP, at most 2400 px.
        </p>
        <input
          id="image"
          name="image"
          type="file"
          accept="image/*"
          required
          aria-invalid={imageErrors?.length ? true : undefined}
          aria-describedby={imageErrors?.length ? "image-error image-hint" : "image-hint"}
          onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > maxBytes)}
          className="mt-1 block w-full text-sm file:me-3 file:rounded-full file:border file:border-line-strong file:bg-surface-raised file:px-4 file:py-2 file:text-sm file:font-medium"
        />
        <FieldError id="image-error" errors={imageErrors} />
      </div>
      <FormField name="alt" label="Description (alt text)" autoComplete="off" errors={errors.alt} hint="What the photo shows, for people who cannot see it." />
      <Button type="submit" disabled={pending} className="md:mt-6">
        {pending ? "Uploading…" : "Upload photo"}
      </Button>
    </form>
  );
}
