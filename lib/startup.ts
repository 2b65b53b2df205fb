import { getEnv } from "./env";

/** Checks the environment once at server start; a bad one stops the server with a clear message. */
export function checkEnvironmentOrExit() {
  try {
    getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
