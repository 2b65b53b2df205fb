/** Magic links work for this long and only once (Auth.js deletes the token when it is used). */
export const SIGN_IN_LINK_MINUTES = 30;
/** A session ends after this many days without a visit. */
export const SESSION_MAX_AGE_DAYS = 30;
/** Auth.js's session cookie; on https it carries the `__Secure-` prefix. */
export const SESSION_COOKIE = "authjs.session-token";
export const SESSION_COOKIE_NAMES = [`__Secure-${SESSION_COOKIE}`, SESSION_COOKIE] as const;
