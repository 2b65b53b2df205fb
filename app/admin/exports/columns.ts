import type { CustomerExportRow, OrderExportRow, OrderLineExportRow, SubscriberExportRow } from "@/db/queries/exports";
import { decimalAmount, isoCell, type CsvColumn } from "@/lib/csv/stream";
import { shopConfig } from "@/lib/shop-config";

/*
 * The columns of each CSV export: headers a spreadsheet user reads, amounts as decimal strings
 * beside their currency, times in ISO 8601 (UTC).
 */

export const orderColumns: CsvColumn<OrderExportRow>[] = [
  { header: "order_number", value: (r) => r.number },
  { header: "placed_at", value: (r) => isoCell(r.placedAt) },
  { header: "status", value: (r) => r.status },
  { header: "email", value: (r) => r.email },
  { header: "name", value: (r) => r.name },
  { header: "country", value: (r) => r.country },
  { header: "shipping_method", value: (r) => r.shippingMethod },
  { header: "currency", value: (r) => r.currency },
  { header: "subtotal", value: (r) => decimalAmount(r.subtotal, r.currency) },
  { header: "discount", value: (r) => decimalAmount(r.discount, r.currency) },
  { header: "discount_code", value: (r) => r.discountCode },
  { header: "shipping", value: (r) => decimalAmount(r.shipping, r.currency) },
  { header: "tax", value: (r) => decimalAmount(r.tax, r.currency) },
  { header: "total", value: (r) => decimalAmount(r.total, r.currency) },
  { header: "prices_include_tax", value: (r) => r.pricesIncludeTax },
  { header: "payment_provider", value: (r) => r.paymentProvider },
];

export const orderLineColumns: CsvColumn<OrderLineExportRow>[] = [
  { header: "order_number", value: (r) => r.orderNumber },
  { header: "placed_at", value: (r) => isoCell(r.placedAt) },
  { header: "order_status", value: (r) => r.status },
  { header: "sku", value: (r) => r.sku },
  { header: "product", value: (r) => r.product },
  { header: "variant", value: (r) => r.variant },
  { header: "quantity", value: (r) => r.quantity },
  { header: "currency", value: (r) => r.currency },
  { header: "unit_price", value: (r) => decimalAmount(r.unitPrice, r.currency) },
  { header: "line_total", value: (r) => decimalAmount(r.lineTotal, r.currency) },
];

export const customerColumns: CsvColumn<CustomerExportRow>[] = [
  { header: "customer_id", value: (r) => r.id },
  { header: "email", value: (r) => r.email },
  { header: "name", value: (r) => r.name },
  { header: "joined_at", value: (r) => isoCell(r.joinedAt) },
  { header: "orders", value: (r) => r.orders },
  { header: "currency", value: () => shopConfig.currency },
  { header: "spent", value: (r) => decimalAmount(r.spent, shopConfig.currency) },
];

export const subscriberColumns: CsvColumn<SubscriberExportRow>[] = [
  { header: "email", value: (r) => r.email },
  { header: "topic", value: (r) => r.topic },
  { header: "consented_at", value: (r) => isoCell(r.consentedAt) },
  { header: "consent_source", value: (r) => r.source },
  { header: "consent_method", value: (r) => r.method },
  { header: "wording_version", value: (r) => r.wordingId },
  { header: "subscribed_since", value: (r) => isoCell(r.subscribedSince) },
  { header: "confirmed_at", value: (r) => isoCell(r.confirmedAt) },
];
