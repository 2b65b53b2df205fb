import { TOKEN_LIMIT_MESSAGE } from "@/lib/privacy/token-limit-message";

/** What a page opened from an emailed link shows once its client has failed too many link checks. */
export function TokenLimitNotice() {
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Too many links that did not work</h1>
      <p className="mt-4 text-ink-muted">{TOKEN_LIMIT_MESSAGE} Nothing was changed.</p>
    </div>
  );
}
