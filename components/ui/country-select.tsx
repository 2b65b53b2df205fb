import { deliveryCountries } from "@/lib/delivery-countries";
import { FieldError } from "./form-field";

/** The delivery country, shared by checkout and saved addresses. */
export function CountrySelect({ defaultValue = "GB", errors }: { defaultValue?: string; errors?: string[] }) {
  return (
    <div>
      <label htmlFor="country" className="text-sm font-medium">
        Country
      </label>
      <select
        id="country"
        name="country"
        autoComplete="country"
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "country-error" : undefined}
        className="mt-1 h-11 w-full rounded-lg border border-line-strong bg-surface-raised px-3 text-base"
      >
        {deliveryCountries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <FieldError id="country-error" errors={errors} />
    </div>
  );
}
