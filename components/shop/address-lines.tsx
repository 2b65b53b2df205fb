import { Fragment } from "react";

type PostalAddress = { name: string; line1: string; line2: string; city: string; postalCode: string; country: string };

/** A delivery address as it is written on a parcel: one line per part, an empty line 2 left out. */
export function AddressLines({ address }: { address: PostalAddress }) {
  const lines = [address.name, address.line1, address.line2, `${address.city} ${address.postalCode}`, address.country].filter((line) => line.trim() !== "");
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}
