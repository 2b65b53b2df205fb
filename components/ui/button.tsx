import type { VariantProps } from "class-variance-authority";
import Link from "next/link";
import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { clsx } from "clsx";
import { buttonVariants } from "./button-variants";

export { buttonVariants };

type ButtonVariants = VariantProps<typeof buttonVariants>;

type ButtonProps = ComponentProps<"button"> &
  ButtonVariants & {
    /**
     * Lend the look to the single child element instead of rendering a <button>: a plain <a>
     * (a download, a full page load) or a headless library's trigger.
     */
    asChild?: boolean;
  };

export function Button({ className, variant, size, asChild = false, ...props }: ButtonProps) {
  const Component = asChild ? Slot.Root : "button";
  return <Component className={clsx(buttonVariants({ variant, size }), className)} {...props} />;
}

type ButtonLinkProps = ComponentProps<typeof Link> & ButtonVariants;

/** A link inside the shop that looks like a button (it still navigates, so it is a link). */
export function ButtonLink({ className, variant, size, ...props }: ButtonLinkProps) {
  return <Link className={clsx(buttonVariants({ variant, size }), className)} {...props} />;
}
