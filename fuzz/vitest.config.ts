import { defineConfig } from "vitest/config";

// Each property bounds its own run time (fuzz-settings.ts); this is only a safety net.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 120_000 } });
