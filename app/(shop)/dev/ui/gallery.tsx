"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { SwitchButton } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ToastProvider, useToast } from "@/components/ui/toast";

const variants = ["primary", "secondary", "ghost", "link", "danger", "danger-secondary"] as const;

const orders = [
  { number: "HE-1042", placed: "3 Mar 2026, 09:12", customer: "Ada Lovelace", status: "Awaiting payment", total: "£48.00" },
  { number: "HE-1041", placed: "2 Mar 2026, 17:40", customer: "Grace Hopper", status: "Paid", total: "£126.50" },
  { number: "HE-1040", placed: "2 Mar 2026, 08:05", customer: "Erased customer", status: "Shipped", total: "£22.00" },
];

export function PrimitivesGallery() {
  return (
    <ToastProvider>
      <div className="mt-10 space-y-12">
        <section aria-labelledby="buttons-heading">
          <h2 id="buttons-heading" className="text-2xl">
            Buttons
          </h2>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            {variants.map((variant) => (
              <Button key={variant} variant={variant} size={variant === "link" ? "none" : "md"}>
                {variant}
              </Button>
            ))}
            <Button disabled>disabled</Button>
            <Button size="sm" variant="secondary">
              small
            </Button>
            <Button size="lg">large</Button>
          </div>
        </section>

        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading" className="text-2xl">
            Fields
          </h2>
          <form className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Field examples" onSubmit={(event) => event.preventDefault()}>
            <FormField name="gallery-email" label="Email" type="email" autoComplete="off" hint="A hint under the label." />
            <FormField
              name="gallery-postcode"
              label="Postcode"
              autoComplete="off"
              defaultValue="LS1"
              errors={["Enter a full postcode, like LS1 4AP.", "We do not deliver to this postcode yet."]}
            />
            <div>
              <Label htmlFor="gallery-reason">Reason</Label>
              <Select id="gallery-reason" name="reason" defaultValue="received" className="mt-1">
                <option value="received">Stock received</option>
                <option value="damaged">Damaged</option>
                <option value="correction">Correction</option>
              </Select>
            </div>
            <div className="flex items-end gap-6">
              <label className="flex items-center gap-2 text-sm">
                <Checkbox name="gallery-check" defaultChecked /> Ticked
              </label>
              <SwitchButton type="button" checked label="Example switch" />
            </div>
          </form>
        </section>

        <section aria-labelledby="status-heading">
          <h2 id="status-heading" className="text-2xl">
            Status
          </h2>
          <div className="mt-4 flex flex-wrap gap-2">
            <Badge>Neutral</Badge>
            <Badge tone="accent">Accent</Badge>
            <Badge tone="success">✓ In stock</Badge>
            <Badge tone="warning">Only 2 left</Badge>
            <Badge tone="danger">Sold out</Badge>
          </div>
          <div className="mt-4 space-y-3">
            <Notice role="note">An information notice.</Notice>
            <Notice tone="error" role="note">
              An error notice.
            </Notice>
          </div>
        </section>

        <section aria-labelledby="table-heading">
          <h2 id="table-heading" className="text-2xl">
            Table
          </h2>
          <Table caption="Example orders" wrapperClassName="mt-4" className="min-w-[40rem]">
            <TableHeader>
              <TableRow>
                <TableHead>Order</TableHead>
                <TableHead>Placed</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Status</TableHead>
                <TableHead numeric>Total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {orders.map((order) => (
                <TableRow key={order.number}>
                  <TableHead scope="row">{order.number}</TableHead>
                  <TableCell className="text-ink-muted">{order.placed}</TableCell>
                  <TableCell>{order.customer}</TableCell>
                  <TableCell>{order.status}</TableCell>
                  <TableCell numeric>{order.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>

        <section aria-labelledby="overlays-heading">
          <h2 id="overlays-heading" className="text-2xl">
            Dialog and toast
          </h2>
          <div className="mt-4 flex flex-wrap gap-3">
            <ArchiveDialog />
            <ToastButtons />
          </div>
        </section>
      </div>
    </ToastProvider>
  );
}

function ArchiveDialog() {
  const toast = useToast();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="danger-secondary">Archive product…</Button>
      </DialogTrigger>
      <DialogContent title="Archive Everyday mug?" description="It leaves the shop at once. Orders that include it keep it, and you can restore it from the archive.">
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Keep it</Button>
          </DialogClose>
          <DialogClose asChild>
            <Button variant="danger" onClick={() => toast({ title: "Everyday mug archived", tone: "success" })}>
              Archive
            </Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ToastButtons() {
  const toast = useToast();
  return (
    <>
      <Button variant="secondary" onClick={() => toast({ title: "Order HE-1042 marked as paid", description: "The customer gets an email." })}>
        Show a message
      </Button>
      <Button variant="secondary" onClick={() => toast({ title: "The order could not be saved", description: "Nothing was changed. Try again.", tone: "error" })}>
        Show an error
      </Button>
    </>
  );
}
