export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkEnvironmentOrExit } = await import("./lib/startup");
  checkEnvironmentOrExit();
  // Rate limits key on the connection's address, which only the server knows.
  const { installPeerAddressHeader } = await import("./lib/http/peer-address");
  installPeerAddressHeader();
}
