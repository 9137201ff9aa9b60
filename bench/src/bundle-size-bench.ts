import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { benchDirectory, repositoryRoot } from "./bench-paths";

/** A small app bundled for its size. */
export interface BundleCase {
  id: string;
  label: string;
  source: string;
  /** Module aliases, e.g. @ffc/core to its TypeScript source for a per-file breakdown. */
  alias?: Record<string, string>;
}

const ffcOneCall = `import { Context, LLMManager, PromptTemplate } from "@ffc/core";
import { createOpenAI } from "@ffc/openai";
const apiKey = "sk-placeholder";
const baseURL = "http://127.0.0.1:8080/v1";
const llm = new LLMManager({ provider: createOpenAI({ apiKey, baseURL }), model: "gpt-4o-mini" });
console.log((await llm.generate({ prompt: "Hello" })).text);`;

const coreAlone = `const template = new PromptTemplate({ name: "greeting", content: "Greet {name}." });
const context = new Context();
context.add("name", "Ada");
const llm = new LLMManager({ provider: "openai", model: "gpt-4o-mini" });
console.log(await llm.generate({ template, context }));`;

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
  { id: "core", label: "@ffc/core alone (LLMManager, PromptTemplate, Context)", source: coreAlone },
  {
    id: "core-source",
    label: "what-if: @ffc/core alone, bundled from its TypeScript source (for the per-file breakdown)",
    source: coreAlone,
    alias: { "@ffc/core": join(repositoryRoot, "packages/core/src/index.ts") },
  },
];

/** Minified and min+gz size of one bundle, in bytes, with its largest inputs. */
export interface BundleResult {
  id: string;
  label: string;
  minifiedBytes: number;
  gzippedBytes: number;
  /** The inputs that take the most bytes of the output, largest first. */
  largestInputs: { path: string; bytes: number }[];
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
  });
  const code = output.outputFiles[0]!.contents;
  const inputs = Object.values(output.metafile.outputs)[0]!.inputs;
  const largestInputs = Object.entries(inputs)
    .map(([path, info]) => ({ path: shortPath(path), bytes: info.bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, entry.alias ? 10 : 5);
  return {
    id: entry.id,
    label: entry.label,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    largestInputs,
  };
}

/** Bundles every case. */
export async function measureBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const entry of bundleCases) results.push(await measureBundle(entry));
  return results;
}

/** "node_modules/.pnpm/x@1/node_modules/x/dist/a.js" → "x/dist/a.js"; workspace paths keep "packages/…". */
function shortPath(path: string): string {
  const marker = "node_modules/";
  const index = path.lastIndexOf(marker);
  if (index >= 0) return path.slice(index + marker.length);
  return path.replace(/^(\.\.\/)+/, "").replace(/^packages\/core\/src\//, "core/src/");
}
