import { defineConfig } from "vitest/config";
import { sdkMajorProjects } from "../../vitest.sdk-majors.ts";

// Every test runs against each supported @google/genai major (3 needs Node 22+).
export default defineConfig({
  test: {
    projects: sdkMajorProjects(
      [
        { name: "@google/genai@2", sdk: "@google/genai", minimumNode: 20 },
        { name: "@google/genai@3", sdk: "@google/genai", alias: "google-genai-v3", minimumNode: 22 },
      ],
      ["src/**/*.test.ts"],
    ),
  },
});
