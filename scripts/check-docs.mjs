// Type-checks every ```ts block of the READMEs and docs as a standalone module, so that no
// example in the documentation can stop compiling unnoticed. The blocks are written into
// examples/.docs-check/ (where every @ffc package resolves) and checked with tsc.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.cwd();
const sources = ["README.md"];
for (const folder of ["packages", "docs"]) {
  if (!existsSync(folder)) continue;
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (name === "node_modules" || name === "dist" || name === "fixtures") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".md") && !name.startsWith("CHANGELOG")) sources.push(full);
    }
  };
  walk(folder);
}

const outDirectory = join(root, "examples", ".docs-check");
rmSync(outDirectory, { recursive: true, force: true });
mkdirSync(outDirectory, { recursive: true });
let count = 0;
const origins = new Map();
for (const source of sources) {
  const text = readFileSync(source, "utf8");
  const blocks = [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)];
  blocks.forEach((match, index) => {
    const line = text.slice(0, match.index).split("\n").length;
    const name = `${relative(root, source).replace(/[^A-Za-z0-9]+/g, "_")}_${index + 1}.ts`;
    writeFileSync(join(outDirectory, name), `${match[1]}\nexport {};\n`);
    origins.set(name, `${source}:${line}`);
    count += 1;
  });
}
writeFileSync(
  join(outDirectory, "tsconfig.json"),
  JSON.stringify(
    { extends: "../tsconfig.json", include: ["./*.ts"], compilerOptions: { noUnusedLocals: false } },
    null,
    2,
  ),
);
// Every example must also compile under exactOptionalPropertyTypes, the strictest setting apps
// turn on (`apiKey: process.env.OPENAI_API_KEY` is `string | undefined`; a zod schema must still
// be an OutputSchema there).
writeFileSync(
  join(outDirectory, "tsconfig.strict.json"),
  JSON.stringify(
    {
      extends: "./tsconfig.json",
      include: ["./*.ts"],
      compilerOptions: { exactOptionalPropertyTypes: true },
    },
    null,
    2,
  ),
);
console.log(`Type-checking ${count} code blocks from ${sources.length} Markdown files`);
for (const config of ["tsconfig.json", "tsconfig.strict.json"]) {
  try {
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(outDirectory, config)], {
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const output = String(error.stdout ?? error);
    for (const [name, origin] of origins) {
      if (output.includes(name)) console.error(`${origin} (${name}, ${config})`);
    }
    console.error(output);
    process.exit(1);
  }
}
console.log("All documentation examples type-check (also with exactOptionalPropertyTypes).");
