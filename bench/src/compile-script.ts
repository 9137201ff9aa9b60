import { join, parse } from "node:path";
import { build } from "esbuild";
import { benchDirectory } from "./bench-paths";

const compiled = new Map<string, Promise<string>>();

/**
 * Compiles a bench script (and the bench files it imports) to plain JavaScript in
 * bench/results/build (which lint and git leave alone), leaving every package import to Node.
 * Measured processes then run on plain `node`: a TypeScript loader such as tsx runs in a thread
 * of the same process and would add its own memory and CPU to every figure.
 */
export function compileScript(script: string): Promise<string> {
  let output = compiled.get(script);
  if (!output) {
    const outfile = join(benchDirectory, "results", "build", `${parse(script).name}.mjs`);
    output = build({
      entryPoints: [join(benchDirectory, script)],
      outfile,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "silent",
    }).then(() => outfile);
    compiled.set(script, output);
  }
  return output;
}
