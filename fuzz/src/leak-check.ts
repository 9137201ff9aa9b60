import { inspect } from "node:util";

/** The API key every fuzzed provider holds. */
export const apiKey = "sk-fuzz-SECRET-api-key-7c1e9b2a4d";

/** A gateway key passed as a custom header: configured headers are secrets too. */
export const gatewayKey = "gw-fuzz-SECRET-gateway-3f8a6d";

/** The headers every fuzzed provider sends. */
export const secretHeaders = { "x-gateway-key": gatewayKey };

const secrets = [apiKey, gatewayKey];

/** Every way an application could print a value: String, JSON, util.inspect (hidden fields too). */
export function everyView(value: unknown): string {
  const views: string[] = [];
  for (const render of [
    () => String(value),
    () => JSON.stringify(value),
    () => inspect(value, { depth: 12 }),
    () => inspect(value, { depth: 12, showHidden: true }),
  ]) {
    try {
      views.push(render() ?? "");
    } catch (error) {
      views.push(`(not printable: ${(error as Error).message})`);
    }
  }
  return views.join("\n");
}

/** Throws when any view of `value` shows a secret. */
export function assertNoSecret(value: unknown, where: string): void {
  const text = everyView(value);
  for (const secret of secrets) {
    if (text.includes(secret)) throw new Error(`A secret leaked into ${where}: ${text.slice(0, 500)}`);
  }
}
