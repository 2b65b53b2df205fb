import { expect, type APIRequestContext } from "@playwright/test";

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const decode = (value: string) => value.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (m) => entities[m]!);

/**
 * The hidden fields of the form named `label` on a page, as a browser without JavaScript would
 * post them (for a server action: its id and React's bookkeeping). Lets a test send a form with
 * headers a browser would never let a page set.
 */
export async function hiddenFieldsOf(request: APIRequestContext, path: string, label: string): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const form = html.match(new RegExp(`<form[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</form>`))?.[1];
  expect(form, `form "${label}" on ${path}`).toBeTruthy();
  const fields: Record<string, string> = {};
  for (const input of form!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = input[0].match(/name="([^"]*)"/)?.[1];
    const value = input[0].match(/value="([^"]*)"/)?.[1] ?? "";
    if (name) fields[decode(name)] = decode(value);
  }
  return fields;
}
