/** Only same-site paths: a crafted ?callbackUrl must not send someone to another site. */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 500 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
