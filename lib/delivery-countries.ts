/** Countries the shop delivers to: ISO 3166-1 alpha-2 code and name. */
export const deliveryCountries = [
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "NL", name: "Netherlands" },
  { code: "BE", name: "Belgium" },
] as const;

/** The country's name for an ISO code, or the code itself for one we do not deliver to. */
export function countryName(code: string): string {
  return deliveryCountries.find((c) => c.code === code)?.name ?? code;
}
