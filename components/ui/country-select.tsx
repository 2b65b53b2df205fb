import { deliveryCountries } from "@/lib/delivery-countries";
import { FieldError } from "./form-field";
import { Label } from "./input";
import { Select } from "./select";

/** The delivery country, shared by checkout and saved addresses. */
export function CountrySelect({ defaultValue = "GB", errors }: { defaultValue?: string; errors?: string[] }) {
  return (
    <div>
      <Label htmlFor="country">Country</Label>
      <Select
        id="country"
        name="country"
        autoComplete="country"
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "country-error" : undefined}
        className="mt-1"
      >
        {deliveryCountries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </Select>
      <FieldError id="country-error" errors={errors} />
    </div>
  );
}
