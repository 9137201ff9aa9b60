import { defineConfig } from "vitest/config";
import { sdkMajorProjects } from "../../vitest.sdk-majors.ts";

// Every test runs against each supported `openai` major (7 needs Node 22+).
export default defineConfig({
  test: {
    projects: sdkMajorProjects(
      [
        { name: "openai@6", sdk: "openai", minimumNode: 20 },
        { name: "openai@7", sdk: "openai", alias: "openai-v7", minimumNode: 22 },
      ],
      ["src/**/*.test.ts"],
    ),
  },
});
