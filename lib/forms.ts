import { z } from "zod";

/** Keys whose schema is an array: a checkbox list sends one entry per ticked box. */
function arrayKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const unwrap = (type: z.ZodType): z.ZodType => {
    const def = (type as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === "pipe" && def.in) return unwrap(def.in);
    return type;
  };
  const root = unwrap(schema);
  if (root instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(root.shape as Record<string, z.ZodType>)) {
      if (unwrap(field) instanceof z.ZodArray) keys.add(key);
    }
  }
  return keys;
}

/**
 * A form's fields as a plain object for zod: every value of a field the schema declares as a
 * list; otherwise the one value, or all of them when a tampered form repeats a field (zod then
 * refuses the list instead of the wrapper silently keeping one). Null for anything that is
 * not a form (a script calling the action with a plain object).
 */
export function readForm(schema: z.ZodType, formData: unknown): Record<string, unknown> | null {
  if (!(formData instanceof FormData)) return null;
  const lists = arrayKeys(schema);
  // No prototype: a field named __proto__ must be a field, not a way to swap the object's.
  const input: Record<string, unknown> = Object.create(null);
  for (const key of new Set(formData.keys())) {
    // React's own bookkeeping fields for progressively enhanced forms.
    if (key.startsWith("$ACTION_")) continue;
    const values = formData.getAll(key);
    input[key] = lists.has(key) || values.length > 1 ? values : values[0];
  }
  for (const key of lists) input[key] ??= [];
  return input;
}
