import { abortErrorFor, generateAttempt, streamAttempt } from "./attempt";
import type { GenerateOptions } from "./call-options";
import { checkCallOptions } from "./check-call-options";
import { contextBlock } from "./context-block";
import type { TimeoutDefaults } from "./default-timeouts";
import { deadlineError, deriveSignal } from "./derived-signal";
import { AbortError } from "./errors/abort-error";
import { ConfigError } from "./errors/config-error";
import type { EmitEvent, LLMEvent, LLMEventListener, LLMEventType } from "./events";
import { type LLMConfig, validateConfig } from "./llm-config";
import { checkManagerOptions } from "./llm-manager-options";
import type { Logger } from "./logger";
import { neverAbortedSignal } from "./never-aborted";
import { noEmit } from "./no-emit";
import { callObserver } from "./observer-guard";
import type { CallContext, GenerateNext, Plugin, StreamNext } from "./policy";
import { isPolicyStage, policyStages } from "./policy";
import { PolicyChainCache, type PolicyChains } from "./policy-chains";
import { buildPrompt } from "./prompt-builder";
import type { LanguageProvider } from "./provider";
import { type ProviderReference, type ProviderSettings, resolveProvider } from "./provider-registry";
import type { LanguageRequest } from "./request";
import type { GenerateResult, GenerateResultFor, ProviderResult } from "./result";
import type { SanitizeOptions } from "./sanitize";
import { Secret } from "./secret";
import { type OutputSchema, toJsonSchema } from "./standard-schema";
import { StreamAccumulator } from "./stream-accumulator";
import type { StreamPart } from "./stream-part";
import { StreamResponse } from "./stream-response";
import { tapStream } from "./tap-stream";
import { approximateTokenCounter, estimateMessageTokens } from "./token-counter";
import { toToolDefinitions } from "./tool";
import { generateStepRunner, planSteps, runSteps, runStepsToEnd, streamStepRunner } from "./tool-loop";
import { warnerFor } from "./warnings";
import { checkWindow, estimateRequestTokens } from "./window-check";

/** Options of an LLMManager beyond its config. */
export interface LLMManagerOptions {
  /** Plugins for every call: trackers, budgets, rate limits, caches, default retry. */
  plugins?: Plugin[];
  /** How template and context values are cleaned (see SanitizeOptions). */
  sanitize?: SanitizeOptions;
  /**
   * Where warnings (a deprecated model) and failures outside a call's outcome are reported.
   * @default console
   */
  logger?: Logger;
  /**
   * Time limits for calls that set no `timeoutMs` (in LLMConfig or the call).
   * @default { attemptMs: 600000, streamStallMs: 60000 }
   */
  timeouts?: TimeoutDefaults;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");
let callSequence = 0;
// Two installed copies of core must not hand out the same call ids.
const callIdPrefix = Math.random().toString(36).slice(2, 8);

/**
 * Calls a language model through its provider, with the policies of its plugins and of each
 * call composed around every attempt (budget → rate limit → fallback → retry → timeout).
 */
export class LLMManager {
  readonly #config: Omit<LLMConfig, "apiKey">;
  readonly #apiKey: Secret | undefined;
  readonly #plugins: Plugin[] = [];
  readonly #listeners = new Map<LLMEventType | "*", Set<LLMEventListener<any>>>();
  readonly #providers = new Map<string, Promise<LanguageProvider>>();
  readonly #sanitize: SanitizeOptions;
  readonly #logger: Logger;
  readonly #timeouts: TimeoutDefaults | undefined;
  readonly #chains = new PolicyChainCache(generateAttempt as GenerateNext, streamAttempt as StreamNext);
  #configuredProvider: LanguageProvider | undefined;
  /** One function for every call's `resolveProvider`: policies may key their caches by it. */
  readonly #resolveForCalls = (reference: ProviderReference) => this.resolveProvider(reference);
  /** The deadline timer of each call that has one, stopped when the call ends. */
  readonly #deadlines = new WeakMap<CallContext, () => void>();
  #observers: Plugin[] = [];

  constructor(config: LLMConfig, options: LLMManagerOptions = {}) {
    const { apiKey, ...rest } = validateConfig(config);
    const checked = checkManagerOptions(options);
    this.#config = rest;
    this.#apiKey = apiKey === undefined ? undefined : new Secret(apiKey);
    this.#sanitize = checked.sanitize ?? {};
    this.#logger = checked.logger;
    this.#timeouts = checked.timeouts;
    for (const plugin of checked.plugins) this.use(plugin as Plugin);
  }

  /** The config, without the API key. */
  get config(): Readonly<Omit<LLMConfig, "apiKey">> {
    return this.#config;
  }

  /** Adds a plugin to every later call. */
  use(plugin: Plugin): this {
    checkPlugin(plugin);
    this.#plugins.push(plugin);
    this.#chains.setManagerPolicies(this.#plugins);
    this.#observers = this.#plugins.filter((item) => item.onEvent || item.finalizeResult);
    return this;
  }

  /** Listens to one event type, or to all with "*"; returns a function that stops listening. */
  on<Type extends LLMEventType>(type: Type | "*", listener: LLMEventListener<Type>): () => void {
    let listeners = this.#listeners.get(type);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(type, listeners);
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Resolves a provider id or object with this manager's key and base URL (cached). */
  resolveProvider(reference: ProviderReference): Promise<LanguageProvider> {
    if (typeof reference !== "string") return Promise.resolve(reference);
    let provider = this.#providers.get(reference);
    if (!provider) {
      // Only the configured provider gets the configured key; another vendor's key would leak.
      const settings: ProviderSettings = {};
      if (reference === this.#config.provider) {
        if (this.#apiKey) settings.apiKey = this.#apiKey.reveal();
        if (this.#config.baseURL) settings.baseURL = this.#config.baseURL;
        if (this.#config.headers) settings.headers = this.#config.headers;
      }
      provider = resolveProvider(reference, settings);
      provider.catch(() => this.#providers.delete(reference));
      this.#providers.set(reference, provider);
    }
    return provider;
  }

  /**
   * Generates a whole response. With a schema the answer is validated and `result.object` typed;
   * with tools that have `execute`, the tool loop runs (see docs/structured-output-and-tools.md).
   */
  async generate<Content extends string, Schema extends OutputSchema = never>(
    options: GenerateOptions<Content, Schema>,
  ): Promise<GenerateResultFor<Schema>> {
    const started = performance.now();
    // Checked here for generate, in stream() for streams: #prepare relies on it.
    checkCallOptions(options);
    const plan = planSteps(options);
    const { call, chains } = await this.#prepare(options, "generate");
    const chain = chains.generate;
    try {
      let result: GenerateResult;
      if (plan) {
        const decorate = (stepResult: GenerateResult, stepCall: CallContext) =>
          this.#decorate(stepResult, stepCall, options);
        const outcome = await runStepsToEnd(plan, call, generateStepRunner(chain), decorate);
        result = this.#finish(outcome.result, outcome.call, options);
      } else {
        result = this.#finish(await chain(call), call, options);
      }
      // Unobserved calls skip building the event (emit would drop it).
      if (call.emit !== noEmit) call.emit("call-end", { result, durationMs: performance.now() - started });
      return result as GenerateResultFor<Schema>;
    } catch (error) {
      call.emit("call-error", { error, durationMs: performance.now() - started, attempts: call.attempts });
      throw error;
    } finally {
      this.#releaseCall(call);
    }
  }

  /** Streams a response: iterate the parts or `.text`, then await `.result`. */
  stream<Content extends string, Schema extends OutputSchema = never>(
    options: GenerateOptions<Content, Schema>,
  ): StreamResponse<GenerateResultFor<Schema>> {
    checkCallOptions(options);
    const plan = planSteps(options);
    return new StreamResponse<GenerateResultFor<Schema>>((finish, fail) =>
      plan
        ? this.#runStepStream(options, finish as (result: GenerateResult) => void, fail, plan)
        : this.#runStream(options, finish as (result: GenerateResult) => void, fail),
    );
  }

  /** A stream without tools: the chain's parts, handed through with one `then` per part (see tapStream). */
  #runStream(
    options: GenerateOptions<any>,
    finish: (result: GenerateResult) => void,
    fail: (error: unknown) => void,
  ): AsyncIterable<StreamPart> {
    const started = performance.now();
    let call: CallContext | undefined;
    const collected = new StreamAccumulator(false);
    return tapStream({
      open: async () => {
        const prepared = await this.#prepare(options, "stream");
        call = prepared.call;
        return prepared.chains.stream(call);
      },
      part: (part) => collected.add(part),
      done: () => {
        const ended = call!;
        const result = this.#finish(collected.result(ended.request.model), ended, options);
        ended.emit("call-end", { result, durationMs: performance.now() - started });
        finish(result);
        this.#releaseCall(ended);
      },
      fail: (error) => {
        call?.emit("call-error", { error, durationMs: performance.now() - started, attempts: call.attempts });
        fail(error);
        if (call) this.#releaseCall(call);
        return error;
      },
      closed: () => this.#closedEarly(call!, started, fail),
    });
  }

  /** A stream with tools: the step loop, whose steps each stream through the whole chain. */
  async *#runStepStream(
    options: GenerateOptions<any>,
    finish: (result: GenerateResult) => void,
    fail: (error: unknown) => void,
    plan: NonNullable<ReturnType<typeof planSteps>>,
  ): AsyncIterable<StreamPart> {
    const started = performance.now();
    let call: CallContext | undefined;
    let ended = false;
    try {
      const prepared = await this.#prepare(options, "stream");
      call = prepared.call;
      const chain = prepared.chains.stream;
      const decorate = (stepResult: GenerateResult, stepCall: CallContext) =>
        this.#decorate(stepResult, stepCall, options);
      const outcome = yield* runSteps(plan, call, streamStepRunner(chain), decorate);
      const result = this.#finish(outcome.result, outcome.call, options);
      ended = true;
      call.emit("call-end", { result, durationMs: performance.now() - started });
      finish(result);
    } catch (error) {
      ended = true;
      call?.emit("call-error", { error, durationMs: performance.now() - started, attempts: call.attempts });
      fail(error);
      throw error;
    } finally {
      if (call && !ended) this.#closedEarly(call, started, fail);
      else if (call) this.#releaseCall(call);
    }
  }

  /** The consumer stopped reading (break, return): the call ends here, as an abort. */
  #closedEarly(call: CallContext, started: number, fail: (error: unknown) => void): void {
    const error = new AbortError("The stream was closed by its consumer before it finished.", {
      provider: call.provider.id,
      model: call.request.model,
    });
    call.emit("call-error", { error, durationMs: performance.now() - started, attempts: call.attempts });
    fail(error);
    this.#releaseCall(call);
  }

  async #prepare(
    options: GenerateOptions<any>,
    operation: "generate" | "stream",
  ): Promise<{ call: CallContext; chains: PolicyChains }> {
    const config = this.#config;
    // The configured provider is resolved once; later calls skip the await.
    let provider = this.#configuredProvider;
    if (!provider) {
      provider = await this.resolveProvider(config.provider);
      this.#configuredProvider = provider;
    }
    const model = options.model ?? config.model;
    const callId = `call_${callIdPrefix}_${++callSequence}`;
    const metadata = options.metadata;
    const emit = this.#emitterFor(callId, metadata);
    // Events of preparing the prompt wait until call-start, so every call's events begin with it.
    // The list is made only when such an event comes (most calls have none).
    let pending: Array<() => void> | undefined;
    const emitAfterStart: EmitEvent = (type, fields) => {
      pending ??= [];
      pending.push(() => emit(type, fields));
    };
    let built = buildPrompt(options, this.#sanitize);
    if (built instanceof Promise) built = await built;
    if (built.sanitized.length > 0) {
      emitAfterStart("input-sanitized", {
        template: options.template?.name ?? "(context)",
        reports: built.sanitized,
      });
    }
    let messages = built.messages;
    const maxTokens = options.maxTokens ?? config.maxTokens;
    const window = provider.modelInfo?.(model)?.contextWindow;
    if (window) {
      // One window check for every input shape; a context may first shrink to fit.
      if (options.context && options.fitContext !== false) {
        messages =
          (await this.#fitToWindow(options, window, maxTokens, messages, emitAfterStart)) ?? messages;
      }
      const tools = options.tools ? toToolDefinitions(options.tools) : undefined;
      const sized = { model, messages, tools, maxTokens };
      const over = checkWindow(provider, sized, window - (maxTokens ?? 0), window, options);
      if (over) await over;
    }
    const request: LanguageRequest = { model, messages };
    if (maxTokens !== undefined) request.maxTokens = maxTokens;
    const temperature = options.temperature ?? config.temperature;
    if (temperature !== undefined) request.temperature = temperature;
    const topP = options.topP ?? config.topP;
    if (topP !== undefined) request.topP = topP;
    const stop = options.stop ?? config.stop;
    if (stop !== undefined) request.stop = stop;
    if (options.tools) request.tools = toToolDefinitions(options.tools);
    if (options.toolChoice) request.toolChoice = options.toolChoice;
    if (options.responseFormat) {
      const format = options.responseFormat;
      request.responseFormat =
        format.type === "json" && format.schema
          ? {
              type: "json",
              schema: toJsonSchema(format.schema),
              ...(format.name ? { name: format.name } : {}),
            }
          : (format as LanguageRequest["responseFormat"])!;
    }
    if (metadata) request.metadata = metadata;
    if (options.promptCacheKey) request.promptCacheKey = options.promptCacheKey;
    if (options.providerOptions) request.providerOptions = options.providerOptions;

    // The attempt layer hands each attempt its own child of this signal (see attempt.ts).
    // Without a deadline the caller's signal is followed as it is: one layer fewer per call.
    const deadline =
      options.deadlineMs === undefined
        ? undefined
        : deriveSignal(options.signal, {
            timeoutMs: options.deadlineMs,
            timeoutReason: () => deadlineError("The call", options.deadlineMs!),
          });
    const signal = deadline?.signal ?? options.signal ?? neverAbortedSignal;
    if (signal.aborted) {
      // Refused before it began: no call-start, so observers never see a call without an end.
      deadline?.dispose();
      throw abortErrorFor(signal, { provider: provider.id, model });
    }
    const call: Mutable<CallContext> = {
      callId,
      operation,
      request,
      provider,
      signal,
      attempts: [],
      emit,
      resolveProvider: this.#resolveForCalls,
      state: new Map(),
      warn: warnerFor(emit, this.#logger),
    };
    if (this.#timeouts) call.timeoutDefaults = this.#timeouts;
    const attemptTimeoutMs = options.timeoutMs ?? config.timeoutMs;
    if (attemptTimeoutMs) call.attemptTimeoutMs = attemptTimeoutMs;
    if (deadline) this.#deadlines.set(call, deadline.dispose);
    if (emit !== noEmit) emit("call-start", { provider: provider.id, model, operation });
    if (pending) for (const flush of pending) flush();
    return { call, chains: this.#chains.chainsFor(options) };
  }

  async #fitToWindow(
    options: GenerateOptions<any>,
    window: number,
    maxTokens: number | undefined,
    messages: LanguageRequest["messages"],
    emit: EmitEvent,
  ): Promise<LanguageRequest["messages"] | undefined> {
    const maxInputTokens = window - (maxTokens ?? 0);
    // Tool definitions are cached per tool, so converting them here again costs a lookup.
    const tools = options.tools ? toToolDefinitions(options.tools) : undefined;
    const tokens = estimateRequestTokens(messages, tools);
    if (tokens <= maxInputTokens) return undefined;
    const fitted = options.context!.clone();
    const protectedKeys = options.template?.variables ?? [];
    const templateTokens = estimateMessageTokens([
      { role: "user", content: options.template?.content ?? options.prompt ?? "" },
    ]);
    // Each block's tags cost tokens too; counted per entry they are never underestimated.
    let blockTags = 0;
    for (const entry of fitted.entries()) blockTags += approximateTokenCounter(contextBlock(entry.key, ""));
    const report = fitted.fit(maxInputTokens, undefined, {
      reservedTokens: templateTokens + blockTags + estimateRequestTokens(options.messages ?? [], tools),
      protectedKeys,
    });
    emit("context-fitted", { ...report, maxInputTokens });
    let rebuilt = buildPrompt({ ...options, context: fitted }, this.#sanitize);
    if (rebuilt instanceof Promise) rebuilt = await rebuilt;
    return rebuilt.messages;
  }

  #finish(providerResult: ProviderResult, call: CallContext, options: GenerateOptions<any>): GenerateResult {
    const succeeded = lastSuccessfulAttempt(call);
    const result: GenerateResult = {
      ...providerResult,
      provider: succeeded?.provider ?? call.provider.id,
      attempts: call.attempts,
    };
    if (options.responseFormat?.type === "json" && !("object" in result)) {
      result.object = parseJson(result.text);
    }
    this.#decorate(result, call, options);
    return result;
  }

  /** Lets observers and per-call policies decorate a result (or a step's), e.g. with its cost. */
  #decorate(result: GenerateResult, call: CallContext, options: GenerateOptions<any>): void {
    const logger = this.#logger;
    for (const observer of this.#observers) {
      if (observer.finalizeResult)
        callObserver(
          observer,
          observer.finalizeResult,
          result,
          call,
          logger,
          "finalizeResult of plugin",
          observer.name,
        );
    }
    // Per-call policies may decorate the result too (a per-call cache marks its hits).
    if (options.retryConfig || options.fallbackConfig || options.policies) {
      for (const policy of [options.retryConfig, options.fallbackConfig, ...(options.policies ?? [])]) {
        const finalize = (policy as Plugin | undefined)?.finalizeResult;
        if (finalize)
          callObserver(
            policy,
            finalize,
            result,
            call,
            logger,
            "finalizeResult of policy",
            (policy as Plugin).name,
          );
      }
    }
  }

  #releaseCall(call: CallContext): void {
    const dispose = this.#deadlines.get(call);
    if (dispose) {
      this.#deadlines.delete(call);
      dispose();
    }
  }

  #emitterFor(callId: string, metadata: GenerateOptions["metadata"]): EmitEvent {
    const observers = this.#observers;
    const listeners = this.#listeners;
    const logger = this.#logger;
    if (observers.length === 0 && listeners.size === 0) return noEmit;
    return (type, fields) => {
      // The fields object becomes the event (emit takes ownership of it): copying it with a
      // spread cost about 2 µs per event, most of an observed call's overhead.
      const event = fields as unknown as LLMEvent & Record<string, unknown>;
      event.type = type;
      event.callId = callId;
      event.timestamp = Date.now();
      event.metadata = metadata;
      // Observers are isolated: a throwing or rejecting one is logged and the call goes on.
      for (const observer of observers) {
        if (observer.onEvent)
          callObserver(
            observer,
            observer.onEvent,
            event,
            undefined,
            logger,
            "onEvent of plugin",
            observer.name,
          );
      }
      const typed = listeners.get(type);
      if (typed)
        for (const listener of typed)
          callObserver(undefined, listener, event, undefined, logger, "A listener of event", type);
      const all = listeners.get("*");
      if (all)
        for (const listener of all)
          callObserver(undefined, listener, event, undefined, logger, 'A "*" listener, on event', type);
    };
  }

  toJSON(): Record<string, unknown> {
    return {
      config: {
        ...this.#config,
        provider: providerName(this.#config.provider),
        // Header values are secrets (gateway keys); only their names are shown.
        ...(this.#config.headers ? { headers: redactedHeaders(this.#config.headers) } : {}),
      },
      apiKey: this.#apiKey ? "[redacted]" : undefined,
    };
  }

  [inspectSymbol](): string {
    return `LLMManager ${JSON.stringify(this.toJSON())}`;
  }
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

function redactedHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(headers).map((name) => [name, "[redacted]"]));
}

function providerName(provider: ProviderReference): string {
  return typeof provider === "string" ? provider : provider.id;
}

function lastSuccessfulAttempt(call: CallContext) {
  for (let index = call.attempts.length - 1; index >= 0; index -= 1) {
    const attempt = call.attempts[index]!;
    if (attempt.error === undefined) return attempt;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function checkPlugin(plugin: Plugin): void {
  if (typeof plugin !== "object" || plugin === null || typeof plugin.name !== "string") {
    throw new ConfigError(
      "LLMManager plugins: each plugin must be an object with a name, such as new TokenTracker() or new BudgetManager({...}).",
    );
  }
  if (!isPolicyStage(plugin.stage)) {
    throw new ConfigError(
      `Plugin "${plugin.name}": stage ${JSON.stringify(plugin.stage)} is not one of ${policyStages.map((stage) => `"${stage}"`).join(", ")}; leave it out to run around each attempt.`,
    );
  }
  if (!plugin.generate && !plugin.stream && !plugin.onEvent && !plugin.finalizeResult) {
    throw new ConfigError(
      `Plugin "${plugin.name}" has neither generate/stream (a policy) nor onEvent/finalizeResult (an observer), so it would do nothing.`,
    );
  }
}
