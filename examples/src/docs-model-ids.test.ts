import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { anthropicModelCatalog } from "../../packages/anthropic/src/model-catalog-data";
import { googleModelCatalog } from "../../packages/google/src/model-catalog-data";
import { openaiModelCatalog } from "../../packages/openai/src/model-catalog-data";

// Every model id that the READMEs, docs, examples, the demo and the pack check name must be
// current: not on the deprecated list of any installed Anthropic SDK version, and known to FFC's
// model catalog or to genai-prices. Recorded fixtures keep their recorded ids and are not read.
const root = resolve(import.meta.dirname, "../..");
const documents = [
  "README.md",
  ...readdirSync(join(root, "docs")).map((name) => join("docs", name)),
  ...readdirSync(join(root, "packages")).map((name) => join("packages", name, "README.md")),
  ...readdirSync(join(root, "examples/src"), { recursive: true })
    .map(String)
    .filter((name) => /\.ts$/.test(name) && !name.endsWith(".test.ts"))
    .map((name) => join("examples/src", name)),
  "scripts/pack-check-app.mjs",
  "scripts/pack-check-cjs-app.cjs",
].filter((path) => /\.(md|ts|mjs|cjs)$/.test(path));

const modelIdPattern =
  /\b(?:claude-[a-z0-9.-]*\d[a-z0-9.-]*|gpt-\d[a-z0-9.-]*|gemini-\d[a-z0-9.-]*|o[1-9](?:-mini|-pro)?)\b/g;

function modelIds(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of documents) {
    const text = readFileSync(join(root, path), "utf8");
    for (const match of text.matchAll(modelIdPattern)) {
      const id = match[0].replace(/[.-]+$/, "");
      found.set(id, [...(found.get(id) ?? []), path]);
    }
  }
  return found;
}

/** The deprecated-model lists of every @anthropic-ai/sdk version the workspace tests against. */
async function deprecatedAnthropicModels(): Promise<Record<string, string>> {
  const require = createRequire(join(root, "packages/anthropic/package.json"));
  const lists: Record<string, string> = {};
  for (const name of ["@anthropic-ai/sdk", "anthropic-sdk-v1-14"]) {
    // The list is internal to the SDK (not in its exports), so it is read from its file.
    const folder = dirname(require.resolve(name));
    const url = pathToFileURL(join(folder, "internal/data/deprecated-models.mjs")).href;
    Object.assign(lists, (await import(url)).DEPRECATED_MODELS);
  }
  return lists;
}

const catalogs = { openai: openaiModelCatalog, anthropic: anthropicModelCatalog, google: googleModelCatalog };

function knownModel(id: string): boolean {
  const vendor = id.startsWith("claude") ? "anthropic" : id.startsWith("gemini") ? "google" : "openai";
  if (catalogs[vendor][id] !== undefined) return true;
  const price = calcPrice({ input_tokens: 1, output_tokens: 1 }, id, { providerId: vendor });
  return price !== null && price !== undefined;
}

describe("model ids in the docs, examples and demo", () => {
  const ids = modelIds();

  it("are found (the documents name models at all)", () => {
    expect(ids.has("claude-sonnet-4-6")).toBe(true);
    expect(ids.has("gpt-5.4")).toBe(true);
  });

  it("are not deprecated by any installed Anthropic SDK", async () => {
    const deprecated = await deprecatedAnthropicModels();
    expect(Object.keys(deprecated).length).toBeGreaterThan(0);
    const named = [...ids].filter(([id]) => id in deprecated).map(([id, paths]) => `${id} (${paths[0]})`);
    expect(named).toEqual([]);
  });

  it("are known to FFC's model catalog or to genai-prices", () => {
    const unknown = [...ids].filter(([id]) => !knownModel(id)).map(([id, paths]) => `${id} (${paths[0]})`);
    expect(unknown).toEqual([]);
  });
});
