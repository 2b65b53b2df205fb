/** The cart's cookies, named once (the privacy notice lists them; deleting an account clears them). */
export const CART_COOKIE = "hearth_cart";
export const CART_COUNT_COOKIE = "hearth_cart_count";
export const CART_COOKIE_DAYS = 60;
