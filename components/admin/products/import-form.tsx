"use client";

import { startTransition, type FormEvent } from "react";
import { importProductsAction } from "@/app/admin/products/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** CSV import: the whole file is checked first; a refusal lists every problem by row and column. */
export function ImportForm() {
  const { state, formAction, pending } = useAdminAction(importProductsAction);
  const problems =
    state && !state.ok
      ? Object.entries(state.fieldErrors ?? {}).flatMap(([key, messages]) => {
          const [row, column] = key.includes(":") ? key.split(":") : ["", key];
          return messages.map((message) => ({ row: Number(row) || null, column: column === "file" ? "" : column!, message }));
        })
      : [];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    <div className="space-y-6">
      <form action={formAction} onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-card border border-line bg-surface-raised p-4 md:p-6">
        <div className="min-w-0 flex-1">
          <Label htmlFor="file">CSV file</Label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            className="mt-1 block w-full text-sm file:me-3 file:rounded-full file:border file:border-line-strong file:bg-surface-raised file:px-4 file:py-2 file:text-sm file:font-medium"
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Check and import"}
        </Button>
      </form>
      {state?.ok ? (
        <Notice>
          Imported: {state.data.created.length} products created, {state.data.updated.length} updated, {state.data.unchanged.length} unchanged ({state.data.variantsCreated} variants created,{" "}
          {state.data.variantsUpdated} updated).
        </Notice>
      ) : null}
      {state && !state.ok ? (
        <div className="space-y-3">
          <Notice tone="error">{state.message}</Notice>
          {problems.length ? (
            <Table caption="Problems found in the file" className="min-w-[32rem]">
              <TableHeader>
                <TableRow>
                  <TableHead numeric>Row</TableHead>
                  <TableHead>Column</TableHead>
                  <TableHead>Problem</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {problems.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell numeric>{p.row ?? "–"}</TableCell>
                    <TableCell>
                      <code>{p.column || "–"}</code>
                    </TableCell>
                    <TableCell>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
