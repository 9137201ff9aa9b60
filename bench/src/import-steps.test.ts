import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { benchDirectory } from "./bench-paths";
import { pluginSpecifiers } from "./import-steps";

/** The built-in modules a fresh Node process has loaded after importing `specifiers`. */
function builtinsAfterImporting(specifiers: readonly string[]): string[] {
  const code = `for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);
console.log(JSON.stringify(process.moduleLoadList));`;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: benchDirectory,
    encoding: "utf8",
  });
  return (JSON.parse(output) as string[]).map((entry) => entry.replace(/^NativeModule /, ""));
}

describe("cold import of the guide's full stack", () => {
  it("loads no node:crypto: ids come from the global Web Crypto when they are first needed", () => {
    // Importing node:crypto costs about 5 ms of start-up; the raw SDK does not load it either.
    const specifiers = [
      "@ffc/core",
      "@ffc/openai",
      ...pluginSpecifiers.filter((name) => name !== "@ffc/pricing"),
    ];
    expect(builtinsAfterImporting(specifiers)).not.toContain("crypto");
  });
});
