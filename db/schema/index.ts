export * from "./catalog";
export * from "./messages";
export * from "./orders";
