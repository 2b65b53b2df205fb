import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, ButtonLink, buttonVariants } from "@/components/ui/button";
import { DialogContent } from "@/components/ui/dialog";
import { FieldError, FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { SwitchButton } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ToastProvider, useToast } from "@/components/ui/toast";
import { cn, themeScales } from "@/lib/cn";

/** Parses server-rendered markup, so assertions read attributes rather than match strings. */
function render(node: React.ReactNode) {
  const html = renderToStaticMarkup(node);
  return { html, attr: (selectorId: string, name: string) => new RegExp(`id="${selectorId}"[^>]*`).exec(html)?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1] };
}

describe("FormField", () => {
  it("shows every error of a field, each once, and points the input at them and at the hint", () => {
    const { html, attr } = render(<FormField name="email" label="Email" autoComplete="email" hint="For your receipt." errors={["Enter an email address.", "Use at most 254 characters.", "Enter an email address."]} />);
    expect(html.match(/Enter an email address\./g)).toHaveLength(1);
    expect(html).toContain("Use at most 254 characters.");
    expect(attr("email", "aria-invalid")).toBe("true");
    expect(attr("email", "aria-describedby")).toBe("email-error email-hint");
    // Each message is its own paragraph inside the described element, so each is read whole.
    const errorBlock = /<div id="email-error"[^>]*>(.*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(errorBlock.match(/<p>/g)).toHaveLength(2);
  });

  it("is plain when nothing is wrong: no aria-invalid, described by its hint only", () => {
    const { html, attr } = render(<FormField name="name" label="Name" autoComplete="name" hint="On your orders." />);
    expect(attr("name", "aria-invalid")).toBeUndefined();
    expect(attr("name", "aria-describedby")).toBe("name-hint");
    expect(html).not.toContain("⚠");
  });

  it("says when a field is optional and does not require it", () => {
    const { html } = render(<FormField name="line2" label="Flat" autoComplete="address-line2" required={false} />);
    expect(html).toContain("(optional)");
    expect(html).not.toMatch(/required=""/);
  });

  it("renders nothing for a control without errors", () => {
    expect(renderToStaticMarkup(<FieldError errors={[]} />)).toBe("");
  });
});

describe("Button", () => {
  it("lends its look to a plain link with asChild instead of nesting a button in it", () => {
    const html = renderToStaticMarkup(
      <Button asChild variant="secondary">
        <a href="/account/privacy/export" download>
          Download
        </a>
      </Button>,
    );
    expect(html).toMatch(/^<a [^>]*href="\/account\/privacy\/export"/);
    expect(html).not.toContain("<button");
    expect(html).toContain("border-line-strong");
  });

  it("sets each property once per variant, so joining a caller's layout classes never gives two of one", () => {
    // Every variant with every size: no two classes for the same property and state.
    const property = (cls: string) => {
      const [variantPrefix, utility] = cls.includes(":") ? [cls.slice(0, cls.lastIndexOf(":") + 1), cls.slice(cls.lastIndexOf(":") + 1)] : ["", cls];
      const group =
        /^(bg)-/.test(utility) ? "bg" : /^text-(xs|sm|base|lg|xl|\d)/.test(utility) ? "text-size" : /^text-/.test(utility) ? "text-colour"
        : /^rounded/.test(utility) ? "rounded" : /^(px|py|p)-/.test(utility) ? utility.split("-")[0] : /^h-|^size-/.test(utility) ? "height"
        : /^justify-/.test(utility) ? "justify" : /^font-/.test(utility) ? "font" : /^opacity-/.test(utility) ? "opacity" : utility;
      return `${variantPrefix}${group}`;
    };
    for (const variant of ["primary", "secondary", "ghost", "link", "quiet", "nav", "danger", "danger-secondary", "unavailable"] as const) {
      // `quiet` and `nav` carry their own text size and are used without a box (size "none").
      const sizes = variant === "quiet" || variant === "nav" ? (["none"] as const) : (["sm", "md", "lg", "icon", "none"] as const);
      for (const size of sizes) {
        const classes = buttonVariants({ variant, size }).split(/\s+/).filter(Boolean);
        const groups = classes.map(property).filter((g) => !["border", "underline", "transition-colors", "inline-flex", "items-center", "gap-2", "whitespace-nowrap", "w-full"].includes(g));
        expect(groups.length, `${variant}/${size}: ${classes.join(" ")}`).toBe(new Set(groups).size);
      }
    }
    const html = renderToStaticMarkup(<Button variant="unavailable" className="w-full md:w-auto">Sold out</Button>);
    expect(html).toContain("bg-line-strong");
    expect(html).not.toContain("bg-accent-600");
  });

  it("renders ButtonLink as a link", () => {
    expect(renderToStaticMarkup(<ButtonLink href="/cart">Cart</ButtonLink>)).toMatch(/^<a [^>]*href="\/cart"/);
  });
});

describe("SwitchButton", () => {
  it("is a named switch that says its state", () => {
    const html = renderToStaticMarkup(<SwitchButton checked={false} label="Personalised suggestions" />);
    expect(html).toContain('role="switch"');
    expect(html).toContain('aria-checked="false"');
    expect(html).toContain('aria-label="Personalised suggestions"');
    expect(html).toContain('type="submit"');
  });
});

describe("Select", () => {
  it("is a native select (works without JavaScript) with a decorative arrow", () => {
    const html = renderToStaticMarkup(
      <Select id="sort" name="sort" defaultValue="new" className="mt-2">
        <option value="new">Newest</option>
        <option value="price">Price</option>
      </Select>,
    );
    expect(html).toMatch(/<select [^>]*name="sort"/);
    expect(html).toMatch(/<option value="new" selected="">Newest<\/option>/);
    expect(html).toMatch(/<svg aria-hidden="true"/);
    // Placement classes go to the wrapper that also holds the arrow.
    expect(html).toMatch(/^<div class="relative mt-2">/);
  });
});

describe("Table", () => {
  it("names its scrolling region by the caption and scopes its header cells", () => {
    const html = renderToStaticMarkup(
      <Table caption="Newest orders" captionHidden>
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead numeric>Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHead scope="row">HE-1001</TableHead>
            <TableCell numeric>£22.00</TableCell>
          </TableRow>
        </TableBody>
      </Table>,
    );
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toMatch(new RegExp(`role="region" aria-labelledby="${captionId}" tabindex="0"`));
    expect(html).toMatch(/<caption [^>]*class="[^"]*sr-only/);
    expect(html).toMatch(/<th scope="col"[^>]*>Order<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>HE-1001<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-end[^"]*">£22.00<\/td>/);
  });

  it("has no focusable region when there is no caption to name it", () => {
    const html = renderToStaticMarkup(
      <Table>
        <TableBody />
      </Table>,
    );
    expect(html).not.toContain('role="region"');
    expect(html).not.toContain("tabindex");
  });
});

describe("Toast", () => {
  it("refuses to be used outside its provider instead of silently showing nothing", () => {
    function Uses() {
      useToast();
      return null;
    }
    expect(() => renderToStaticMarkup(<Uses />)).toThrow(/ToastProvider/);
    expect(() => renderToStaticMarkup(<ToastProvider>{<Uses />}</ToastProvider>)).not.toThrow();
  });
});

// Type-level: checked by `tsc --noEmit`, never rendered.
export function dialogsMustBeNamedAndDescribed() {
  return (
    <>
      {/* @ts-expect-error a dialog without a description leaves screen-reader users guessing */}
      <DialogContent title="Archive this product?" />
      {/* @ts-expect-error a dialog without a title has no accessible name */}
      <DialogContent description="It leaves the shop." />
    </>
  );
}

describe("cn", () => {
  it("knows the theme's own sizes and radii, so merging keeps the right classes", () => {
    expect(cn("text-display", "text-accent-700")).toBe("text-display text-accent-700");
    expect(cn("text-sm", "text-display")).toBe("text-display");
    expect(cn("rounded-full", "rounded-card")).toBe("rounded-card");
    expect(cn("bg-accent-600", "bg-danger-soft")).toBe("bg-danger-soft");
  });

  it("is told about every size and radius token in app/theme.css", () => {
    const theme = readFileSync("app/theme.css", "utf8");
    const tokens = (prefix: string) => [...theme.matchAll(new RegExp(`--${prefix}-([\\w-]+?)\\s*:`, "g"))].map((m) => m[1]!).filter((name) => !name.includes("--"));
    expect(tokens("text").sort()).toEqual([...themeScales.text].sort());
    expect(tokens("radius").sort()).toEqual([...themeScales.radius].sort());
  });
});
