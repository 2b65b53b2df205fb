/**
 * A double opt-in link works this long. Kept apart from signup.ts (which sends email) so the
 * retention rules and the privacy notice can read it without pulling in the email module.
 */
export const CONFIRMATION_HOURS = 48;
