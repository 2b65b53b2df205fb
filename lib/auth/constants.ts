/** Magic links work for this long and only once (Auth.js deletes the token when it is used). */
export const SIGN_IN_LINK_MINUTES = 30;
/** A session ends after this many days without a visit. */
export const SESSION_MAX_AGE_DAYS = 30;
