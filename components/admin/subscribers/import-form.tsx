"use client";

import Link from "next/link";
import { startTransition, type FormEvent } from "react";
import { importSubscribersAction } from "@/app/admin/marketing/subscribers/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The subscriber CSV import: the whole file is checked first; a refusal lists every problem by row and column. */
export function SubscriberImportForm() {
  const { state, formAction, pending } = useAdminAction(importSubscribersAction);
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
        <div className="min-w-0 flex-1 basis-64">
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
          <p className="font-semibold">Imported {count(state.data.rows, "row", "rows")}.</p>
          <ul className="mt-1 list-disc ps-5">
            <li>{count(state.data.added, "subscriber added", "subscribers added")}</li>
            <li>{count(state.data.updated, "existing subscriber given new topics", "existing subscribers given new topics")}</li>
            <li>{count(state.data.unchanged, "already subscribed: unchanged", "already subscribed: unchanged")}</li>
          </ul>
          <p className="mt-2">
            <Link href="/admin/marketing/subscribers" className="underline underline-offset-4">
              See the subscribers
            </Link>
          </p>
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
