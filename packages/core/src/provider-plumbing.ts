import { option } from "./options/option-rule";
import type { LanguageProvider, ModelInfo } from "./provider";
import { SPECIFICATION_VERSION } from "./provider";
import type { ProviderFactory, ProviderSettings } from "./provider-registry";
import type { LanguageRequest } from "./request";
import type { StreamPart } from "./stream-part";

/** The options every provider's own factory takes from the manager's ProviderSettings. */
export interface ProviderConnectionOptions {
  /** API key; when absent the provider reads its usual environment variable. */
  apiKey?: string;
  /** Base URL of the vendor API or a compatible server. */
  baseURL?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * The `createProvider` a provider package exports for core's registry, made from its own
 * factory (`createOpenAI`, ...): the config's apiKey, baseURL and headers are passed on, absent
 * ones are left out so the factory's defaults (environment variables) apply.
 * @example export const createProvider = providerFactory(createOpenAI);
 */
export function providerFactory<Provider extends LanguageProvider>(
  create: (options: ProviderConnectionOptions) => Provider,
): ProviderFactory & ((settings?: ProviderSettings) => Provider) {
  return (settings: ProviderSettings = {}) => {
    const options: ProviderConnectionOptions = {};
    if (settings.apiKey !== undefined) options.apiKey = settings.apiKey;
    if (settings.baseURL !== undefined) options.baseURL = settings.baseURL;
    if (settings.headers !== undefined) options.headers = settings.headers;
    return create(options);
  };
}

/** What `lazyProvider` needs: the id, how to build the real provider, and what needs no key. */
export interface LazyProviderSettings<Provider extends LanguageProvider> {
  /** The provider's id, known before it is built. */
  id: Provider["id"];
  /** Builds the provider (reads the environment); called at the first request, again after a failure. */
  create: () => Provider;
  /** Model limits from a catalog, answered without building the provider (no key needed). */
  modelInfo?: (model: string) => ModelInfo | undefined;
  /** Token counting that needs no key (a local tokenizer), answered without building the provider. */
  countTokens?: (request: LanguageRequest) => Promise<number>;
}

/**
 * A package's default provider instance (`openai`, `anthropic`, `google`): it reads its API key
 * at its first call, not at import, so importing never throws; a missing key fails that first
 * call with the factory's ConfigError, and a later call may succeed once the key is set.
 */
export function lazyProvider<Provider extends LanguageProvider>(
  settings: LazyProviderSettings<Provider>,
): Provider {
  let instance: Provider | undefined;
  const shared = (): Provider => {
    instance ??= settings.create();
    return instance;
  };
  const provider: LanguageProvider = {
    specificationVersion: SPECIFICATION_VERSION,
    id: settings.id,
    generate: async (request: LanguageRequest) => shared().generate(request),
    async *stream(request: LanguageRequest): AsyncIterable<StreamPart> {
      yield* shared().stream(request);
    },
    async countTokens(request: LanguageRequest) {
      if (settings.countTokens) return settings.countTokens(request);
      const built = shared();
      if (!built.countTokens) throw new TypeError(`The ${settings.id} provider cannot count tokens.`);
      return built.countTokens(request);
    },
    modelInfo: (model: string) => (settings.modelInfo ?? ((name) => shared().modelInfo?.(name)))(model),
  };
  return provider as Provider;
}

/**
 * The options-kit rule of a provider's table of model limits, keyed by model id, for models
 * the catalog does not know: `{ "my-model": { contextWindow: 32768, maxOutputTokens: 4096 } }`.
 */
export function modelInfoOption() {
  return option.record<ModelInfo>(
    option.object(
      { contextWindow: option.integer({ min: 1 }), maxOutputTokens: option.integer({ min: 1 }) },
      { required: true },
    ),
  );
}
