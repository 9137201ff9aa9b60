import type { Options } from "tsup";

/**
 * One build setup for every package: ESM only (Node 20.19+ can `require()` it, so every app
 * loads one copy of each class whatever its module system) + .d.ts, entries named by the
 * package. `splitting` keeps code shared by several entries (e.g. core's subpath entries) in
 * one chunk, so each class exists once.
 */
export function packageBuild(entry: string[]): Options {
  return {
    entry,
    format: ["esm"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: "node20",
    splitting: true,
  };
}
