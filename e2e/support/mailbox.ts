/** Reads what the shop sent, from the capture server scripts/e2e-server.ts starts. */
export const mailboxUrl = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3126}`;

export type CapturedEmail = { id: string; to: string[]; subject: string; html: string; text: string; headers: Record<string, string> };

export async function emailsTo(address: string): Promise<CapturedEmail[]> {
  const response = await fetch(`${mailboxUrl}/emails?to=${encodeURIComponent(address)}`);
  const body = (await response.json()) as { data: CapturedEmail[] };
  return body.data;
}

/** Each test uses its own address, so parallel tests never read each other's mail. */
export function uniqueAddress(label: string) {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
