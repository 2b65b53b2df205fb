// Lets command-line scripts (tsx) import the data access layer, which is marked
// `import "server-only"` for Next.js. A script is server code, so the marker resolves to
// nothing here, as it does on Next's server. Used as: tsx --import ./scripts/lib/server-only-hook.mjs
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
        return next(specifier, context);
      }
    `),
);
