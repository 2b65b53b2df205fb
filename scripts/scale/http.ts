/**
 * A shopper without JavaScript, as an HTTP client: a cookie jar, and forms read from the page's
 * HTML and posted back the way a browser posts them (multipart, every successful control).
 * Hearth's forms work without JavaScript, so this drives the same server actions a browser
 * does, with no knowledge of their ids.
 */
import { parseDocument, DomUtils } from "htmlparser2";
import type { Element } from "domhandler";

export type Form = { action: string; method: string; fields: [string, string][] };

/** Every form on the page with the values a browser would submit (no submit button). */
export function formsIn(html: string): Form[] {
  const doc = parseDocument(html);
  return DomUtils.findAll((el) => el.name === "form", doc.children).map((form) => {
    const fields: [string, string][] = [];
    const controls = DomUtils.findAll((el) => ["input", "select", "textarea"].includes(el.name), form.children);
    for (const control of controls) {
      const name = control.attribs.name;
      if (!name || "disabled" in control.attribs) continue;
      if (control.name === "textarea") fields.push([name, DomUtils.textContent(control)]);
      else if (control.name === "select") fields.push([name, selectedValue(control)]);
      else {
        const type = (control.attribs.type ?? "text").toLowerCase();
        if (["submit", "button", "image", "reset", "file"].includes(type)) continue;
        if ((type === "checkbox" || type === "radio") && !("checked" in control.attribs)) continue;
        fields.push([name, control.attribs.value ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
      }
    }
    return { action: form.attribs.action ?? "", method: (form.attribs.method ?? "get").toLowerCase(), fields };
  });
}

function selectedValue(select: Element): string {
  const options = DomUtils.findAll((el) => el.name === "option", select.children);
  const chosen = options.find((o) => "selected" in o.attribs) ?? options[0];
  return chosen ? (chosen.attribs.value ?? DomUtils.textContent(chosen)) : "";
}

/** The first form that has a field with this name. */
export function formWithField(html: string, field: string): Form | undefined {
  return formsIn(html).find((f) => f.fields.some(([name]) => name === field));
}

/** A form's fields with some replaced (or added). */
export function fill(form: Form, values: Record<string, string>): [string, string][] {
  const out = form.fields.map(([name, value]): [string, string] => [name, name in values ? values[name]! : value]);
  for (const [name, value] of Object.entries(values)) if (!out.some(([n]) => n === name)) out.push([name, value]);
  return out;
}

export type Answer = { status: number; location: string | null; text: string; ms: number };

/** One visitor: their cookies, and requests against one server at a time. */
export class Visitor {
  private cookies = new Map<string, string>();
  constructor(public origin: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(this.origin + path, { headers: { cookie: this.cookieHeader() }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    this.remember(response);
    const text = await response.text();
    return { status: response.status, location: response.headers.get("location"), text, ms: performance.now() - started };
  }

  /** Posts form fields as multipart to `path`, like a browser submitting a form without JavaScript. */
  async post(path: string, fields: [string, string][]): Promise<Answer> {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    // A body with a known length: the shop refuses a post without Content-Length (proxy.ts).
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const started = performance.now();
    const response = await fetch(this.origin + path, {
      method: "POST",
      body,
      headers: { cookie: this.cookieHeader(), "content-type": encoded.headers.get("content-type")!, origin: this.origin },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    this.remember(response);
    const text = await response.text();
    return { status: response.status, location: response.headers.get("location"), text, ms: performance.now() - started };
  }
}
