import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The cross-process tests run worker scripts that import this package's built dist (as users
 * would), so build it first; turbo's ^build has already built its dependencies.
 */
export default function setup(): void {
  const packageDirectory = fileURLToPath(new URL(".", import.meta.url));
  execFileSync("pnpm", ["exec", "tsup", "--silent"], { cwd: packageDirectory, stdio: "inherit" });
}
