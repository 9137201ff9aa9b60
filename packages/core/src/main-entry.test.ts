import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as mainEntry from "./index";
import * as pluginEntry from "./plugin-entry";
import * as providerEntry from "./provider-entry";

const root = fileURLToPath(new URL("../../..", import.meta.url));

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === "node_modules" || name === "dist") return [];
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

const packages = readdirSync(join(root, "packages"));
const sources = [
  ...packages
    .filter((name) => name !== "core")
    .flatMap((name) => filesUnder(join(root, "packages", name, "src"), (path) => path.endsWith(".ts"))),
  ...filesUnder(join(root, "examples", "src"), (path) => path.endsWith(".ts")),
  ...filesUnder(join(root, "bench", "src"), (path) => path.endsWith(".ts")),
];
const documents = [
  join(root, "README.md"),
  join(root, "ARCHITECTURE.md"),
  ...filesUnder(join(root, "docs"), (path) => path.endsWith(".md")),
  ...packages.map((name) => join(root, "packages", name, "README.md")),
].flatMap((path) => {
  try {
    return [readFileSync(path, "utf8")];
  } catch {
    return [];
  }
});

/** The names each file imports from the main entry, "@ffc/core" itself (not a subpath). */
const importedFromMain = new Set(
  sources.flatMap((path) =>
    [
      ...readFileSync(path, "utf8").matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"@ffc\/core"/g),
    ].flatMap((match) =>
      match[1]!.split(",").map(
        (name) =>
          name
            .replace(/^\s*type\s+/, "")
            .trim()
            .split(/\s+as\s+/)[0]!,
      ),
    ),
  ),
);

function shownInDocs(name: string): boolean {
  const word = new RegExp(`\\b${name}\\b`);
  return documents.some((text) => word.test(text));
}

describe("core's entry points", () => {
  it("export only values someone outside core imports from the main entry or a doc shows", () => {
    const unused = Object.keys(mainEntry).filter((name) => !importedFromMain.has(name) && !shownInDocs(name));
    expect(unused, `values of @ffc/core used nowhere outside core: ${unused.join(", ")}`).toEqual([]);
  });

  it("share one copy of each value between entries, so classes match across them", () => {
    const shared = Object.keys(pluginEntry).filter((name) => name in providerEntry);
    expect(shared.length).toBeGreaterThan(0);
    for (const name of shared) {
      expect((pluginEntry as Record<string, unknown>)[name], name).toBe(
        (providerEntry as Record<string, unknown>)[name],
      );
    }
  });

  it("keep plugin and provider plumbing out of the app author's entry", () => {
    for (const name of [
      "checkOptions",
      "option",
      "peekStream",
      "sleep",
      "safeCause",
      "redactSecrets",
      "deriveSignal",
    ]) {
      expect(name in mainEntry, name).toBe(false);
    }
  });
});
