import { redirect } from "next/navigation";

/** The dashboard arrives with the admin issue; until then the order list is the start page. */
export default function AdminHome() {
  redirect("/admin/orders");
}
