"use client";

import Form from "next/form";
import type { ComponentProps } from "react";

/**
 * A GET form that works without JavaScript (it has a submit button) and, with JavaScript,
 * applies a filter as soon as a control changes.
 */
export function AutoSubmitForm(props: ComponentProps<typeof Form>) {
  return (
    <Form
      {...props}
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        // Typing a price should not reload the page on every keystroke.
        if (target.type === "number") return;
        event.currentTarget.requestSubmit();
      }}
    />
  );
}
