import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base";

// Three entries by audience; splitting keeps each shared class (errors, StreamAccumulator) in one
// chunk, so `instanceof` and `isInstance` agree whichever entry a value came from.
export default defineConfig({
  ...packageBuild(["src/index.ts"]),
  entry: { index: "src/index.ts", provider: "src/provider-entry.ts", plugin: "src/plugin-entry.ts" },
  splitting: true,
});
