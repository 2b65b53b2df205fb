export * from "./auth";
export * from "./catalog";
export * from "./messages";
export * from "./orders";
export * from "./privacy";
export * from "./admin";
export * from "./settings";
export * from "./marketing";
