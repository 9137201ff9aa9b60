import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"] },
  // Core resolves Provider.ANTHROPIC with import("@ffc/anthropic"): point that at this source, not a stale dist.
  resolve: { alias: { "@ffc/anthropic": fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
});
