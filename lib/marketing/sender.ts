import "server-only";
import {
  claimBatch,
  completeBatch,
  countFailed,
  extendLease,
  finishIfDone,
  getSendingCampaign,
  pauseOnItsOwn,
  releaseBatch,
  skipInOpenBatch,
  takeSendSlot,
  type ClaimedBatch,
  type RecipientOutcome,
  type SendingCampaign,
} from "@/db/queries/campaign-batches";
import { MarketingRefusedError } from "@/lib/email/marketing-guard";
import { getShopSettings } from "@/db/queries/settings";
import { emailShopOf, renderEmail } from "@/lib/email/render";
import { sendMarketingBatch, type MarketingBatchItem } from "@/lib/email/send";
import { campaignEmailFor } from "./campaign-email";
import { bodyLinkUrls, linkMarker, trackBodyLinks, trackedLinkUrl, trackTextLinks } from "./click-links";
import { sendingSettings } from "./sending-settings";

/*
 * Sends a campaign's queued recipients, one batch at a time, until the queue is empty, the
 * campaign is paused or cancelled, or this job's time is up (the next job carries on).
 *
 * Exactly one email per recipient: each recipient row is in one batch; each batch has one
 * idempotency key for life; a batch left half-done by a killed worker is re-sent with that key.
 */

const MARKERS = { why: "HEARTHWHY5c1e0f", preferences: "https://hearth.invalid/preferences-5c1e0f", unsubscribe: "https://hearth.invalid/unsubscribe-5c1e0f" };

/** The rendered campaign; `links` lists the body links to sign per recipient (individual tracking on). */
type Template = { subject: string; html: string; text: string; links: string[] | null };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

/**
 * Renders the campaign once with markers where each recipient's own parts go, then fills them
 * in per person: rendering React Email for each of 100,000 people would cost minutes of CPU.
 * The marked copy comes from the same campaignEmailFor the preview uses.
 */
async function renderTemplate(campaign: SendingCampaign): Promise<Template> {
  const sample = campaignEmailFor({ campaign, recipient: { subscriberId: "00000000-0000-0000-0000-000000000000", consentSource: "footer", consentAt: new Date(0) } });
  const marked = { ...sample.react.props, why: MARKERS.why, preferencesUrl: MARKERS.preferences, unsubscribeUrl: MARKERS.unsubscribe } as typeof sample.react.props;
  const react = { ...sample.react, props: marked };
  const settings = await getShopSettings();
  const rendered = await renderEmail(react, emailShopOf(settings));
  // Body links go through the shop's /r/ redirect, which counts clicks per link; per reader
  // only when the shop has turned individual click tracking on.
  const urls = bodyLinkUrls(rendered.html);
  const perRecipient = settings.individualClickTracking ? { links: [] as string[] } : undefined;
  const html = trackBodyLinks(rendered.html, campaign.id, perRecipient);
  const text = trackTextLinks(rendered.text, campaign.id, urls, perRecipient);
  return { subject: sample.subject, html, text, links: perRecipient ? perRecipient.links : null };
}

function personalise(template: Template, campaign: SendingCampaign, recipient: ClaimedBatch["recipients"][number]): MarketingBatchItem {
  const own = campaignEmailFor({ campaign, recipient });
  const preferences = own.react.props.preferencesUrl;
  const unsubscribe = own.react.props.unsubscribeUrl;
  const fill = (s: string, esc: (v: string) => string) => {
    let out = s.split(MARKERS.why).join(esc(own.why)).split(MARKERS.preferences).join(esc(preferences)).split(MARKERS.unsubscribe).join(esc(unsubscribe));
    template.links?.forEach((url, i) => (out = out.split(linkMarker(i)).join(trackedLinkUrl(campaign.id, url, recipient.id))));
    return out;
  };
  return { subscriberId: recipient.subscriberId, to: recipient.email, subject: template.subject, html: fill(template.html, escapeHtml), text: fill(template.text, (v) => v), headers: own.headers };
}

/**
 * Calls are paced a little under the provider's limit: a provider counts requests in a sliding
 * second, and calls paced exactly at the limit trip it whenever one is a few milliseconds late
 * and the next on time (each 429 then costs a whole second of retry-after).
 */
const RATE_MARGIN = 0.97;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const onAbort = () => (clearTimeout(timer), resolve());
    const timer = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export type SendRunResult = { batches: number; sent: number; failed: number; skipped: number; finished: boolean };

const templates = new Map<string, Promise<Template>>();

/** Sends batches of one campaign for up to `budgetMs`. */
export async function sendCampaignBatches(campaignId: string, { budgetMs = 25_000, signal }: { budgetMs?: number; signal?: AbortSignal } = {}): Promise<SendRunResult> {
  const settings = sendingSettings();
  const result: SendRunResult = { batches: 0, sent: 0, failed: 0, skipped: 0, finished: false };
  const campaign = await getSendingCampaign(campaignId);
  if (!campaign || campaign.status !== "sending") return result;
  if (!templates.has(campaignId)) templates.set(campaignId, renderTemplate(campaign));
  let template: Template;
  try {
    template = await templates.get(campaignId)!;
  } catch (error) {
    templates.delete(campaignId);
    throw error;
  }
  const deadline = Date.now() + budgetMs;

  while (Date.now() < deadline && !signal?.aborted) {
    const batch = await claimBatch(campaignId, settings.leaseSeconds);
    if (!batch) break;
    result.batches++;
    const outcome = await sendOneBatch(campaign, template, batch, settings, signal);
    result.sent += outcome.sent;
    result.failed += outcome.failed;
    result.skipped += outcome.skipped;
    if (outcome.stop) break;
    if ((await countFailed(campaignId)) >= settings.maxFailures) {
      await pauseOnItsOwn(campaignId, `Paused on its own: ${settings.maxFailures} or more emails failed. Check the addresses and the email settings, then resume.`);
      break;
    }
  }
  result.finished = await finishIfDone(campaignId);
  if (result.finished) templates.delete(campaignId);
  return result;
}

async function sendOneBatch(campaign: SendingCampaign, template: Template, batch: ClaimedBatch, settings: ReturnType<typeof sendingSettings>, signal?: AbortSignal) {
  const counts = { sent: 0, failed: 0, skipped: 0, stop: false };
  let recipients = batch.recipients;
  for (let attempt = 0; ; attempt++) {
    if (recipients.length === 0) {
      await completeBatch(batch, []);
      return counts;
    }
    let answer;
    try {
      answer = await sendMarketingBatch(
        recipients.map((r) => personalise(template, campaign, r)),
        // The slot is taken right before the call, so the gaps between calls are the slots' gaps.
        { topic: campaign.topic, idempotencyKey: batch.idempotencyKey, pace: async () => sleep(await takeSendSlot("provider", settings.requestsPerSecond * RATE_MARGIN), signal) },
      );
    } catch (error) {
      if (error instanceof MarketingRefusedError) {
        // Someone said no between the batch being formed and now: leave them out.
        const refused = new Set(error.refused.map((r) => r.subscriberId));
        const outcomes: RecipientOutcome[] = recipients.filter((r) => refused.has(r.subscriberId)).map((r) => ({ recipientId: r.id, status: "skipped", reason: "unsubscribed" }));
        counts.skipped += outcomes.length;
        recipients = recipients.filter((r) => !refused.has(r.subscriberId));
        if (recipients.length === 0) {
          await completeBatch(batch, outcomes);
          return counts;
        }
        await skipInOpenBatch(batch, outcomes.map((o) => o.recipientId));
        continue;
      }
      // A network failure: the provider may or may not have the batch; retrying with the same key is safe.
      await releaseBatch(batch, Math.min(60, 2 ** batch.attempts));
      counts.stop = true;
      return counts;
    }
    if (answer.ok) {
      const outcomes: RecipientOutcome[] = recipients.map((r, i) => {
        const res = answer.results[i]!;
        return "id" in res ? { recipientId: r.id, status: "sent", providerMessageId: res.id } : { recipientId: r.id, status: "failed", error: res.error };
      });
      counts.sent += outcomes.filter((o) => o.status === "sent").length;
      counts.failed += outcomes.filter((o) => o.status === "failed").length;
      await completeBatch(batch, outcomes);
      return counts;
    }
    if (answer.status === 429) {
      // Over the provider's rate: wait as long as it asks (holding the batch), then try again.
      const wait = Math.min(60, answer.retryAfterSeconds ?? 2 ** Math.min(attempt, 5));
      await extendLease(batch, settings.leaseSeconds + wait);
      await sleep(wait * 1000, signal);
      if (signal?.aborted) return { ...counts, stop: true };
      continue;
    }
    if (answer.status === 409) {
      // The key was used before with other content: the first attempt reached the provider.
      await completeBatch(
        batch,
        recipients.map((r) => ({ recipientId: r.id, status: "sent", providerMessageId: null })),
      );
      counts.sent += recipients.length;
      return counts;
    }
    if (answer.status !== null && answer.status >= 400 && answer.status < 500) {
      // The whole call was refused for good (a bad sender, a bad key): every email failed.
      const message = `${answer.name}: ${answer.message}`;
      await completeBatch(
        batch,
        recipients.map((r) => ({ recipientId: r.id, status: "failed", error: message })),
      );
      counts.failed += recipients.length;
      return counts;
    }
    // 5xx or no answer: try again later with the same key; pause the campaign if it keeps failing.
    if (batch.attempts >= settings.maxBatchAttempts) {
      await pauseOnItsOwn(campaign.id, `Paused on its own: the email provider kept failing (${answer.name}: ${answer.message}). Resume to try again.`);
    }
    await releaseBatch(batch, Math.min(60, 2 ** batch.attempts));
    counts.stop = true;
    return counts;
  }
}
