/** What a person over the token-guess limit is told (page, form or route handler). */
export const TOKEN_LIMIT_MESSAGE = "Too many links that did not work were opened from your connection. Please try again in an hour, or use the newest link we emailed you.";
