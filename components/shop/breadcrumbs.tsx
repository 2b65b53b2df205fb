import Link from "next/link";

/** Home / … / current page. The last crumb is the page itself and is not a link. */
export function Breadcrumbs({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  const crumbs = [{ href: "/", label: "Home" }, ...trail];
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
      <ol className="flex flex-wrap gap-2">
        {crumbs.map((crumb) => (
          <li key={crumb.href} className="flex gap-2">
            <Link href={crumb.href} className="hover:underline">
              {crumb.label}
            </Link>
            <span aria-hidden="true">/</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
