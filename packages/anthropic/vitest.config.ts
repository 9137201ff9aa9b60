import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { sdkMajorProjects } from "../../vitest.sdk-majors.ts";

// Every test runs against the oldest supported @anthropic-ai/sdk (1.14) and the current one (1.17).
export default defineConfig({
  test: {
    projects: sdkMajorProjects(
      [
        { name: "@anthropic-ai/sdk@1.17", sdk: "@anthropic-ai/sdk", minimumNode: 20 },
        {
          name: "@anthropic-ai/sdk@1.14",
          sdk: "@anthropic-ai/sdk",
          alias: "anthropic-sdk-v1-14",
          minimumNode: 20,
        },
      ],
      ["src/**/*.test.ts"],
    ),
  },
  // Core resolves Provider.ANTHROPIC with import("@ffc/anthropic"): point that at this source, not a stale dist.
  resolve: { alias: { "@ffc/anthropic": fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
});
