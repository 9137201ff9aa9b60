import type { Attributes, Counter, Histogram, Meter } from "@opentelemetry/api";
import { ValueType } from "@opentelemetry/api";
import { GenAIAttributes, MetricNames } from "./attribute-names";

/** Bucket boundaries the conventions give for `gen_ai.client.token.usage`. */
const tokenBuckets = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
/** Bucket boundaries the conventions give for `gen_ai.client.operation.duration`, in seconds. */
const durationBuckets = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** The instruments of one plugin, created once from its meter. */
export class OtelMetrics {
  readonly #tokenUsage: Histogram;
  readonly #duration: Histogram;
  readonly #cost: Counter;
  readonly #retries: Counter;
  readonly #fallbacks: Counter;
  readonly #budgetRefusals: Counter;
  /** Token attributes per target, keyed by the (cached) target attributes object. */
  readonly #tokenAttributes = new WeakMap<object, { input: Attributes; output: Attributes }>();

  constructor(meter: Meter) {
    this.#tokenUsage = meter.createHistogram(MetricNames.TOKEN_USAGE, {
      description: "Number of input and output tokens used, per attempt.",
      unit: "{token}",
      valueType: ValueType.INT,
      advice: { explicitBucketBoundaries: tokenBuckets },
    });
    this.#duration = meter.createHistogram(MetricNames.OPERATION_DURATION, {
      description: "Duration of GenAI calls, retries and fallbacks included.",
      unit: "s",
      valueType: ValueType.DOUBLE,
      advice: { explicitBucketBoundaries: durationBuckets },
    });
    this.#cost = meter.createCounter(MetricNames.COST, {
      description: "Cost of GenAI calls in US dollars, every attempt included.",
      unit: "USD",
      valueType: ValueType.DOUBLE,
    });
    this.#retries = meter.createCounter(MetricNames.RETRIES, {
      description: "Retries scheduled by retry policies.",
      unit: "{retry}",
      valueType: ValueType.INT,
    });
    this.#fallbacks = meter.createCounter(MetricNames.FALLBACKS, {
      description: "Fallbacks from one provider and model to the next.",
      unit: "{fallback}",
      valueType: ValueType.INT,
    });
    this.#budgetRefusals = meter.createCounter(MetricNames.BUDGET_REFUSALS, {
      description: "Calls refused by a budget before any request was sent.",
      unit: "{refusal}",
      valueType: ValueType.INT,
    });
  }

  /** Records input and output tokens of one attempt, with the attributes of its target. */
  recordTokens(inputTokens: number, outputTokens: number, target: Readonly<Attributes>): void {
    let split = this.#tokenAttributes.get(target);
    if (!split) {
      split = {
        input: { ...target, [GenAIAttributes.TOKEN_TYPE]: "input" },
        output: { ...target, [GenAIAttributes.TOKEN_TYPE]: "output" },
      };
      this.#tokenAttributes.set(target, split);
    }
    this.#tokenUsage.record(inputTokens, split.input);
    this.#tokenUsage.record(outputTokens, split.output);
  }

  /** Records a call's duration in seconds. */
  recordDuration(seconds: number, attributes: Attributes): void {
    this.#duration.record(seconds, attributes);
  }

  /** Adds a call's cost. */
  addCost(usd: number, attributes: Attributes): void {
    this.#cost.add(usd, attributes);
  }

  /** Counts one retry. */
  countRetry(attributes: Attributes): void {
    this.#retries.add(1, attributes);
  }

  /** Counts one fallback. */
  countFallback(attributes: Attributes): void {
    this.#fallbacks.add(1, attributes);
  }

  /** Counts one budget refusal. */
  countBudgetRefusal(attributes: Attributes): void {
    this.#budgetRefusals.add(1, attributes);
  }
}
