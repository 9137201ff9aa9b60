import type { Options } from "tsup";

/** One build setup for every package: ESM + CJS + .d.ts, entries named by the package. */
export function packageBuild(entry: string[]): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: "node20",
    splitting: false,
  };
}
