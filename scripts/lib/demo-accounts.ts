import { demoPeople } from "../../db/seed-data";

/** What `npm run dev` and the demo print, so a newcomer can sign in without any mail account. */
export function printDemoSignIn(port: string) {
  console.log(
    [
      "",
      "Sign in as the demo shopper or the demo admin:",
      `  1. open http://localhost:${port}/login and enter ${demoPeople.shopper.email} (or ${demoPeople.admin.email})`,
      `  2. open http://localhost:${port}/dev/mailbox and click the sign-in link`,
      "",
    ].join("\n"),
  );
}
