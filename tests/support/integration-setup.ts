import { inject } from "vitest";

// The data access layer reads DATABASE_URL through lib/env.ts, exactly as the app does.
process.env.DATABASE_URL = inject("databaseUrl");
