import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { benchDirectory, repositoryRoot } from "./bench-paths";

/** A small app bundled for its size. */
export interface BundleCase {
  id: string;
  label: string;
  source: string;
  /** Module aliases, e.g. @ffc/core to its TypeScript source for a per-file breakdown. */
  alias?: Record<string, string>;
  /** What-if: @ffc/pricing's price data of these vendors left out (with `alias` to the sources). */
  withoutPricesOf?: string[];
}

/** Replaces the named vendors' generated price data with an empty list. */
function withoutPrices(vendors: readonly string[]): Plugin {
  return {
    name: "without-prices",
    setup(builder) {
      builder.onLoad({ filter: /pricing\/src\/price-data\/\w+\.ts$/ }, (file) => {
        const vendor = /(\w+)\.ts$/.exec(file.path)![1]!;
        if (!vendors.includes(vendor)) return undefined;
        return { contents: `export const ${vendor}Prices = "[]";`, loader: "ts" };
      });
    },
  };
}

/** Every @ffc entry point an app can import, aliased to its TypeScript source. */
function sourceAliases(): Record<string, string> {
  const source = (file: string) => join(repositoryRoot, "packages", file);
  const alias: Record<string, string> = {
    "@ffc/core/provider": source("core/src/provider-entry.ts"),
    "@ffc/core/plugin": source("core/src/plugin-entry.ts"),
  };
  for (const name of [
    "core",
    "openai",
    "anthropic",
    "google",
    "retry",
    "fallback",
    "tracking",
    "budget",
    "ratelimit",
    "pricing",
  ])
    alias[`@ffc/${name}`] = source(`${name}/src/index.ts`);
  return alias;
}

const ffcOneCall = `import { Context, LLMManager, PromptTemplate } from "@ffc/core";
import { createOpenAI } from "@ffc/openai";
const apiKey = "sk-placeholder";
const baseURL = "http://127.0.0.1:8080/v1";
const llm = new LLMManager({ provider: createOpenAI({ apiKey, baseURL }), model: "gpt-4o-mini" });
console.log((await llm.generate({ prompt: "Hello" })).text);`;

// The import is what makes the case measure anything: without it the names are free globals and
// the app bundles to its own 0.2 kB. The "openai" provider id is resolved at run time (a dynamic
// import the bundler leaves alone), so only @ffc/core is bundled.
const coreAlone = `import { Context, LLMManager, PromptTemplate } from "@ffc/core";
const template = new PromptTemplate({ name: "greeting", content: "Greet {name}." });
const context = new Context();
context.add("name", "Ada");
const llm = new LLMManager({ provider: "openai", model: "gpt-4o-mini" });
console.log(await llm.generate({ template, context }));`;

/** The guide's configuration around one call of `provider` (an expression) to `model`. */
function fullStackApp(imports: string, provider: string, providerId: string, model: string): string {
  return `import { LLMManager } from "@ffc/core";
${imports}
import { BudgetManager } from "@ffc/budget";
import { FallbackConfig } from "@ffc/fallback";
import { RateLimiter } from "@ffc/ratelimit";
import { RetryConfig } from "@ffc/retry";
import { TokenTracker } from "@ffc/tracking";
const apiKey = "sk-placeholder";
const baseURL = "http://127.0.0.1:8080";
const provider = ${provider};
const plugins = [
  new TokenTracker(),
  new BudgetManager({ maxDailyTokens: 100_000, maxCostUsd: 5 }),
  new RateLimiter({ limits: [{ provider: "${providerId}", requestsPerMinute: 500 }] }),
];
const llm = new LLMManager({ provider, model: "${model}" }, { plugins });
const result = await llm.generate({
  prompt: "Hello",
  retryConfig: new RetryConfig({ maxRetries: 2 }),
  fallbackConfig: new FallbackConfig({ targets: [{ provider, model: "${model}" }, { provider, model: "${model}" }] }),
});
console.log(result.text, result.costUsd);`;
}

const placeholders = `const apiKey = "sk-placeholder";\nconst baseURL = "http://127.0.0.1:8080/v1";\n`;

/** One call of each client, and @ffc/core alone; the raw SDK is the baseline. */
export const bundleCases: readonly BundleCase[] = [
  {
    id: "raw",
    label: "openai (one call)",
    source: `import OpenAI from "openai";
${placeholders}const client = new OpenAI({ apiKey, baseURL, maxRetries: 0 });
const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });
console.log(completion.choices[0]?.message.content);`,
  },
  { id: "ffc", label: "@ffc/core + @ffc/openai (one call)", source: ffcOneCall },
  {
    id: "ai-sdk",
    label: "ai + @ai-sdk/openai (one call)",
    source: `import { createOpenAI } from "@ai-sdk/openai";
import { generateText } from "ai";
${placeholders}const model = createOpenAI({ apiKey, baseURL }).chat("gpt-4o-mini");
console.log((await generateText({ model, prompt: "Hello", maxRetries: 0 })).text);`,
  },
  {
    id: "langchain",
    label: "@langchain/openai (one call)",
    source: `import { ChatOpenAI } from "@langchain/openai";
${placeholders}const model = new ChatOpenAI({ model: "gpt-4o-mini", apiKey, maxRetries: 0, configuration: { baseURL } });
console.log((await model.invoke("Hello")).text);`,
  },
  {
    id: "full",
    label: "@ffc/core + @ffc/openai + retry, fallback, tracking, budget, rate limit (one call)",
    source: fullStackApp(
      'import { createOpenAI } from "@ffc/openai";',
      "createOpenAI({ apiKey, baseURL })",
      "openai",
      "gpt-4o-mini",
    ),
  },
  {
    id: "anthropic-raw",
    label: "@anthropic-ai/sdk (one call)",
    source: `import Anthropic from "@anthropic-ai/sdk";
${placeholders}const client = new Anthropic({ apiKey, baseURL, maxRetries: 0 });
const message = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 1024, messages: [{ role: "user", content: "Hello" }] });
console.log(message.content[0]);`,
  },
  {
    id: "anthropic-bare",
    label: "@ffc/core + @ffc/anthropic (one call)",
    source: `import { LLMManager } from "@ffc/core";
import { createAnthropic } from "@ffc/anthropic";
${placeholders}const llm = new LLMManager({ provider: createAnthropic({ apiKey, baseURL }), model: "claude-haiku-4-5" });
console.log((await llm.generate({ prompt: "Hello" })).text);`,
  },
  {
    id: "anthropic-full",
    label: "@ffc/core + @ffc/anthropic + retry, fallback, tracking, budget, rate limit (one call)",
    source: fullStackApp(
      'import { createAnthropic } from "@ffc/anthropic";',
      "createAnthropic({ apiKey, baseURL })",
      "anthropic",
      "claude-haiku-4-5",
    ),
  },
  {
    id: "google-raw",
    label: "@google/genai (one call)",
    source: `import { GoogleGenAI } from "@google/genai";
${placeholders}const client = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: baseURL } });
console.log((await client.models.generateContent({ model: "gemini-2.5-flash", contents: "Hello" })).text);`,
  },
  {
    id: "google-bare",
    label: "@ffc/core + @ffc/google (one call)",
    source: `import { LLMManager } from "@ffc/core";
import { createGoogle } from "@ffc/google";
${placeholders}const llm = new LLMManager({ provider: createGoogle({ apiKey, baseURL }), model: "gemini-2.5-flash" });
console.log((await llm.generate({ prompt: "Hello" })).text);`,
  },
  {
    id: "google-full",
    label: "@ffc/core + @ffc/google + retry, fallback, tracking, budget, rate limit (one call)",
    source: fullStackApp(
      'import { createGoogle } from "@ffc/google";',
      "createGoogle({ apiKey, baseURL })",
      "google",
      "gemini-2.5-flash",
    ),
  },
  { id: "core", label: "@ffc/core alone (LLMManager, PromptTemplate, Context)", source: coreAlone },
  {
    id: "core-source",
    label: "what-if: @ffc/core alone, bundled from its TypeScript source (for the per-file breakdown)",
    source: coreAlone,
    alias: sourceAliases(),
  },
  {
    id: "ffc-source",
    label: "what-if: @ffc/core + @ffc/openai (one call), bundled from their TypeScript source",
    source: ffcOneCall,
    alias: sourceAliases(),
  },
  {
    id: "full-source",
    label: "what-if: the OpenAI full stack (one call), bundled from its TypeScript source",
    source: fullStackApp(
      'import { createOpenAI } from "@ffc/openai";',
      "createOpenAI({ apiKey, baseURL })",
      "openai",
      "gpt-4o-mini",
    ),
    alias: sourceAliases(),
  },
  ...(
    [
      [
        "anthropic",
        "Anthropic",
        'import { createAnthropic } from "@ffc/anthropic";',
        "createAnthropic",
        "claude-haiku-4-5",
      ],
      ["google", "Gemini", 'import { createGoogle } from "@ffc/google";', "createGoogle", "gemini-2.5-flash"],
    ] as const
  ).map(([vendor, name, imports, factory, model]) => ({
    id: `${vendor}-full-source`,
    label: `what-if: the ${name} full stack (one call), bundled from its TypeScript source`,
    source: fullStackApp(imports, `${factory}({ apiKey, baseURL })`, vendor, model),
    alias: sourceAliases(),
  })),
  // The design question of issue 11: what an app would weigh if it carried only the price data of
  // the vendor it calls (here its full stack from source, the other vendors' data left out).
  ...(
    [
      [
        "full",
        "openai",
        "OpenAI",
        'import { createOpenAI } from "@ffc/openai";',
        "createOpenAI",
        "gpt-4o-mini",
      ],
      [
        "anthropic-full",
        "anthropic",
        "Anthropic",
        'import { createAnthropic } from "@ffc/anthropic";',
        "createAnthropic",
        "claude-haiku-4-5",
      ],
      [
        "google-full",
        "google",
        "Gemini",
        'import { createGoogle } from "@ffc/google";',
        "createGoogle",
        "gemini-2.5-flash",
      ],
    ] as const
  ).map(([id, vendor, name, imports, factory, model]) => ({
    id: `${id}-own-prices`,
    label: `what-if: the ${name} full stack (one call) with only ${name}'s price data, from source`,
    source: fullStackApp(imports, `${factory}({ apiKey, baseURL })`, vendor, model),
    alias: sourceAliases(),
    withoutPricesOf: ["openai", "anthropic", "google"].filter((other) => other !== vendor),
  })),
];

/** Minified and min+gz size of one bundle, in bytes, with its largest inputs. */
export interface BundleResult {
  id: string;
  label: string;
  minifiedBytes: number;
  gzippedBytes: number;
  /** The inputs that take the most bytes of the output, largest first. */
  largestInputs: { path: string; bytes: number }[];
  /** Minified bytes in the output by package (`@ffc/core`, `openai`, ...), largest first. */
  byPackage: { name: string; bytes: number }[];
}

/** Bundles one case with esbuild (bundle, minify, platform node, format esm) and gzips it. */
export async function measureBundle(entry: BundleCase): Promise<BundleResult> {
  const output = await build({
    stdin: { contents: entry.source, resolveDir: benchDirectory, loader: "ts", sourcefile: `${entry.id}.ts` },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    outfile: `${entry.id}.js`,
    ...(entry.alias ? { alias: entry.alias } : {}),
    ...(entry.withoutPricesOf ? { plugins: [withoutPrices(entry.withoutPricesOf)] } : {}),
  });
  const code = output.outputFiles[0]!.contents;
  const inputs = Object.values(output.metafile.outputs)[0]!.inputs;
  // The what-if builds from source are there for the breakdown of our own files: the SDK's files,
  // the same in the raw app, are left to the by-package figures.
  const largestInputs = Object.entries(inputs)
    .filter(([path]) => !entry.alias || !path.includes("node_modules/"))
    .map(([path, info]) => ({ path: shortPath(path), bytes: info.bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, entry.alias ? 15 : 5);
  const packages = new Map<string, number>();
  for (const [path, info] of Object.entries(inputs)) {
    const name = packageOf(path);
    packages.set(name, (packages.get(name) ?? 0) + info.bytesInOutput);
  }
  const byPackage = [...packages]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((left, right) => right.bytes - left.bytes);
  return {
    id: entry.id,
    label: entry.label,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    largestInputs,
    byPackage,
  };
}

/** Bundles every case. */
export async function measureBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const entry of bundleCases) results.push(await measureBundle(entry));
  return results;
}

/** "node_modules/.pnpm/x@1/node_modules/x/dist/a.js" → "x/dist/a.js"; workspace sources → "@ffc/core/src/a.ts". */
function shortPath(path: string): string {
  const marker = "node_modules/";
  const index = path.lastIndexOf(marker);
  if (index >= 0) return path.slice(index + marker.length);
  return path.replace(/^(\.\.\/)+/, "").replace(/^packages\/([^/]+)\/src\//, "@ffc/$1/src/");
}

/** The package an input belongs to: "@ffc/core" for packages/core/…, the npm name in node_modules, else "app". */
function packageOf(path: string): string {
  const marker = "node_modules/";
  const index = path.lastIndexOf(marker);
  if (index >= 0) {
    const parts = path.slice(index + marker.length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  return workspace ? `@ffc/${workspace[1]}` : "app";
}
