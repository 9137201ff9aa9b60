export { FFCAttributes, GenAIAttributes, MetricNames } from "./attribute-names";
export { errorType, finishReasonName, providerName } from "./genai-mapping";
export { createOtelPlugin, OpenTelemetryPlugin } from "./otel-plugin";
export type { OpenTelemetryPluginOptions } from "./otel-plugin-options";
