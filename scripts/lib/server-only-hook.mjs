// Lets command-line scripts (tsx) import the data access layer, which is marked
// `import "server-only"` for Next.js. A script is server code, so the marker resolves to
// nothing here, as it does on Next's server. Used as: tsx --import ./scripts/lib/server-only-hook.mjs
// registerHooks (synchronous, in-thread) is Node 26's way; register() is deprecated there.
import * as nodeModule from "node:module";

const EMPTY_MODULE = "data:text/javascript,export {}";

if (typeof nodeModule.registerHooks === "function") {
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: EMPTY_MODULE, shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
} else {
  nodeModule.register(
    "data:text/javascript," +
      encodeURIComponent(`
        export async function resolve(specifier, context, next) {
          if (specifier === "server-only") return { url: ${JSON.stringify(EMPTY_MODULE)}, shortCircuit: true };
          return next(specifier, context);
        }
      `),
  );
}
