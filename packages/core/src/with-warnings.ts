import type { ProviderResult } from "./result";
import type { StreamPart } from "./stream-part";
import type { ProviderWarning } from "./warnings";

/** Puts warnings on a provider's result (core reports them once per process); none leaves it as it is. */
export function withWarnings(
  result: ProviderResult,
  warnings: ProviderWarning[] | undefined,
): ProviderResult {
  if (!warnings || warnings.length === 0) return result;
  result.warnings = [...(result.warnings ?? []), ...warnings];
  return result;
}

/** Passes stream parts through and puts warnings on the `finish` part. */
export async function* finishWithWarnings(
  parts: AsyncIterable<StreamPart>,
  warnings: ProviderWarning[] | undefined,
): AsyncIterable<StreamPart> {
  if (!warnings || warnings.length === 0) {
    yield* parts;
    return;
  }
  for await (const part of parts) {
    if (part.type === "finish") yield { ...part, warnings: [...(part.warnings ?? []), ...warnings] };
    else yield part;
  }
}
