import { getShopSettingsForPage } from "@/lib/settings/cached";
import { socialLabel } from "@/lib/settings/social";

/*
 * The parts of the shop's frame that come from its settings (/admin/settings). Each reads the
 * cached settings, so cached pages stay cached and show a change on their next request.
 */

export async function ShopName() {
  return (await getShopSettingsForPage()).shopName;
}

export async function ShopContact() {
  const { contactEmail, contactPhone } = await getShopSettingsForPage();
  return (
    <address className="mt-3 text-sm not-italic text-ink-muted">
      <a href={`mailto:${contactEmail}`} className="underline-offset-4 hover:text-ink hover:underline">
        {contactEmail}
      </a>
      {contactPhone ? (
        <>
          <br />
          <a href={`tel:${contactPhone.replace(/[^+\d]/g, "")}`} className="underline-offset-4 hover:text-ink hover:underline">
            {contactPhone}
          </a>
        </>
      ) : null}
    </address>
  );
}

/** Plain links: no embedded widgets, so no social network sees who visits the shop. */
export async function SocialLinks() {
  const { socialProfiles } = await getShopSettingsForPage();
  if (socialProfiles.length === 0) return null;
  return (
    <div>
      <h2 className="font-sans text-sm font-semibold">Follow the workshop</h2>
      <ul className="mt-3 space-y-2 text-sm">
        {socialProfiles.map((profile) => (
          <li key={profile.network}>
            <a href={profile.href} rel="me noopener" className="text-ink-muted underline-offset-4 hover:text-ink hover:underline">
              {socialLabel(profile.network)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
