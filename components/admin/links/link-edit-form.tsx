"use client";

import { useState } from "react";
import { archiveTrackedLinkAction, updateTrackedLinkAction } from "@/app/admin/marketing/links/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { DestinationPicker, destinationValueFor, type DestinationChoices } from "./destination-picker";

/** Label and destination: the only parts of a link that may change once it exists. */
export function LinkEditForm({ id, label, destination, choices }: { id: number; label: string; destination: string; choices: DestinationChoices }) {
  const { state, formAction, pending, errors } = useAdminAction(updateTrackedLinkAction);
  const [value, setValue] = useState(() => destinationValueFor(destination, choices));
  const [text, setText] = useState(label);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Edit link">
      <FormStatus state={state} fields={["destination", "destinationPath", "label"]} />
      <input type="hidden" name="id" value={id} />
      <DestinationPicker value={value} onChange={setValue} choices={choices} errors={errors} />
      <FormField name="label" label="Label" required={false} autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} errors={errors.label} className="max-w-md" />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}

/** Archive (off the main list, still forwarding) or restore. Reversible, so no confirmation. */
export function ArchiveLinkButton({ id, archived }: { id: number; archived: boolean }) {
  const { state, formAction, pending } = useAdminAction(archiveTrackedLinkAction);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {archived ? (pending ? "Restoring…" : "Restore link") : pending ? "Archiving…" : "Archive link"}
      </Button>
      {state && !state.ok ? <FormStatus state={state} /> : null}
    </form>
  );
}
