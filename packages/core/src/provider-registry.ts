import { ConfigError } from "./errors/config-error";
import { ProviderNotInstalledError } from "./errors/provider-not-installed-error";
import { option } from "./options/option-rule";
import { isLanguageProvider, type LanguageProvider, SPECIFICATION_VERSION } from "./provider";

/** Ids of the providers FFC ships; each resolves lazily to its package. */
export const Provider = {
  OPENAI: "openai",
  ANTHROPIC: "anthropic",
  GOOGLE: "google",
} as const;

/** A built-in provider id. */
export type BuiltInProviderId = (typeof Provider)[keyof typeof Provider];

/** A provider id (built in or registered) or a provider object. */
export type ProviderReference = BuiltInProviderId | (string & {}) | LanguageProvider;

/** Settings a manager hands to a provider factory when the config names the provider by id. */
export interface ProviderSettings {
  /** API key; when absent, the provider reads its usual environment variable. */
  apiKey?: string;
  /** Base URL of the vendor API or a compatible server. */
  baseURL?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
}

/** Builds a provider from settings; what provider packages export as `createProvider`. */
export type ProviderFactory = (settings: ProviderSettings) => LanguageProvider;

const packageOfBuiltIn: Record<string, string> = {
  openai: "@ffc/openai",
  anthropic: "@ffc/anthropic",
  google: "@ffc/google",
};

const registered = new Map<string, ProviderFactory>();

/**
 * Registers a custom provider under an id, so configs can name it like a built-in one.
 * Pass a factory (called with the config's apiKey/baseURL) or a ready provider object.
 */
export function registerProvider(id: string, provider: ProviderFactory | LanguageProvider): void {
  if (typeof id !== "string" || id.length === 0) {
    throw new ConfigError('registerProvider: "id" must be a non-empty string, e.g. "my-llm".');
  }
  if (isLanguageProvider(provider)) {
    registered.set(id, () => provider);
  } else if (typeof provider === "function") {
    registered.set(id, provider);
  } else {
    throw new ConfigError(
      `registerProvider("${id}"): expected a provider object with specificationVersion "${SPECIFICATION_VERSION}" or a factory function.`,
    );
  }
}

/** Removes a registered custom provider (mainly for tests). */
export function unregisterProvider(id: string): void {
  registered.delete(id);
}

/** True when `id` is built in or registered. */
export function isKnownProviderId(id: string): boolean {
  return registered.has(id) || id in packageOfBuiltIn;
}

/** The npm package that provides a built-in id, if it is one. */
export function packageForProvider(id: string): string | undefined {
  return packageOfBuiltIn[id];
}

/** What is wrong with a provider reference that can never resolve, or undefined when it can. */
export function providerReferenceProblem(reference: unknown): string | undefined {
  if (isLanguageProvider(reference)) return undefined;
  if (typeof reference === "object" && reference !== null && "specificationVersion" in reference) {
    return `is a provider written for contract "${String((reference as any).specificationVersion)}", but this @ffc/core speaks "${SPECIFICATION_VERSION}". Upgrade the provider package or @ffc/core so they match`;
  }
  if (typeof reference !== "string" || reference.length === 0) {
    return `must be a provider id such as Provider.OPENAI ("openai") or a provider object, got ${describe(reference)}`;
  }
  if (!isKnownProviderId(reference)) {
    return `is "${reference}", which is not a known provider id. Use one of ${Object.keys(packageOfBuiltIn)
      .map((id) => `"${id}"`)
      .join(", ")}, or call registerProvider("${reference}", provider) first`;
  }
  return undefined;
}

/** The options-kit rule of a provider reference (an id or a provider object), e.g. FallbackConfig's targets. */
export function providerReferenceOption() {
  return option.custom<ProviderReference, { required: true }>(
    (value) => providerReferenceProblem(value) ?? { value: value as ProviderReference },
    { required: true },
  );
}

/** Throws a ConfigError when a provider reference can never resolve; names what to do. */
export function assertProviderReference(reference: unknown, field: string): void {
  const problem = providerReferenceProblem(reference);
  if (problem !== undefined) {
    throw new ConfigError(`"${field}" ${problem}.`, { problems: [{ field, message: problem }] });
  }
}

/**
 * Resolves a reference to a provider object. Built-in ids import their package lazily, so
 * an app that never uses Anthropic never loads its SDK.
 */
export async function resolveProvider(
  reference: ProviderReference,
  settings: ProviderSettings = {},
): Promise<LanguageProvider> {
  if (typeof reference !== "string") return reference;
  const factory = registered.get(reference);
  if (factory) return checked(factory(settings), reference);
  const packageName = packageOfBuiltIn[reference];
  if (!packageName) {
    assertProviderReference(reference, "provider");
  }
  const module = await importProviderPackage(packageName!, reference);
  if (typeof module.createProvider !== "function") {
    throw new ProviderNotInstalledError(
      `${packageName} is installed but does not export createProvider(); install a version of ${packageName} that matches @ffc/core.`,
      { provider: reference },
    );
  }
  return checked(module.createProvider(settings), reference);
}

function checked(provider: unknown, id: string): LanguageProvider {
  if (!isLanguageProvider(provider)) {
    throw new ConfigError(
      `The provider registered as "${id}" is not a provider object with specificationVersion "${SPECIFICATION_VERSION}".`,
    );
  }
  return provider;
}

async function importProviderPackage(packageName: string, id: string): Promise<any> {
  try {
    return await import(/* @vite-ignore */ packageName);
  } catch (firstError) {
    // Strict installs (pnpm) do not let core see the app's dependencies, so look again from
    // the app's own folder before giving up.
    const fromApp = await importFromWorkingDirectory(packageName);
    if (fromApp) return fromApp;
    throw new ProviderNotInstalledError(
      `Provider "${id}" needs the package ${packageName}, which is not installed. Run: npm install ${packageName}`,
      { provider: id, cause: firstError },
    );
  }
}

async function importFromWorkingDirectory(packageName: string): Promise<any | undefined> {
  try {
    const { createRequire } = await import("node:module");
    const { pathToFileURL } = await import("node:url");
    const require = createRequire(`${process.cwd()}/noop.js`);
    return await import(pathToFileURL(require.resolve(packageName)).href);
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  return typeof value === "string" ? `"${value}"` : typeof value;
}
