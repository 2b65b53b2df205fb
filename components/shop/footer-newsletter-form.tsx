import { subscribeFromFooterAction } from "@/app/(shop)/newsletter/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input, Label } from "@/components/ui/input";
import { newsletterTopics, signupWording } from "@/lib/consent/purposes";

/**
 * The signup form at the foot of every page. A server component posting to a server action:
 * it adds no JavaScript to the pages it sits on and works without any.
 */
export function FooterNewsletterForm() {
  return (
    <form action={subscribeFromFooterAction} className="space-y-3" aria-label="Subscribe to our emails">
      <input type="hidden" name="source" value="footer" />
      <fieldset>
        <legend className="sr-only">What would you like to hear about?</legend>
        <div className="space-y-2">
          {newsletterTopics.map((topic) => (
            <label key={topic.id} className="flex items-start gap-3 text-sm">
              <Checkbox name={topic.id} value="yes" className="mt-0.5" />
              <span className="font-medium">{topic.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Label htmlFor="footer-email">Email address</Label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <Input id="footer-email" name="email" type="email" autoComplete="email" required className="sm:flex-1" />
          <Button type="submit" className="shrink-0">
            Subscribe
          </Button>
        </div>
      </div>
      <p className="text-xs text-ink-muted">{signupWording.text}</p>
    </form>
  );
}
