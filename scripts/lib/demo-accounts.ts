import { demoPeople } from "../../db/seed-data";

/** What `npm run dev` and the demo print, so a newcomer can sign in without any mail account. */
export function printDemoSignIn(port: string) {
  console.log(
    [
      "",
      "Sign in as the demo shopper or one of the shop's team:",
      `  1. open http://localhost:${port}/login and enter ${demoPeople.shopper.email}`,
      `     (admin: ${demoPeople.admin.email}; ${demoPeople.staff.map((p) => `${p.role}: ${p.email}`).join("; ")})`,
      `  2. open http://localhost:${port}/dev/mailbox and click the sign-in link`,
      "",
    ].join("\n"),
  );
}
