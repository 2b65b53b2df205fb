/** Most of one item a cart line may hold: generous for a gift order, small enough to stop abuse. */
export const MAX_LINE_QUANTITY = 20;
