import { ConfigError, type RequestMetadata } from "@ffc/core";

/**
 * Whose budget a call spends: one shared budget ("global"), one per `metadata.userId`
 * ("user"), per `metadata.tenantId` ("tenant"), per first tag ("tag"), or any function of
 * the call's metadata that returns a scope name.
 */
export type BudgetScope = "global" | "user" | "tenant" | "tag" | ((metadata: RequestMetadata) => string);

/** Every named scope, for validation messages. */
export const budgetScopeNames = ["global", "user", "tenant", "tag"] as const;

/** The scope name of a call, e.g. "global", "user:42"; throws a ConfigError naming `scope` when there is none. */
export function resolveScope(scope: BudgetScope, metadata: RequestMetadata | undefined): string {
  const data = metadata ?? {};
  if (typeof scope === "function") {
    const name = scope(data);
    if (typeof name !== "string" || name === "") {
      throw new ConfigError(
        `BudgetManager "scope": the scope function returned ${name === "" ? "an empty string" : typeof name} for this call; it must return a non-empty string such as "team:a".`,
      );
    }
    return `custom:${name}`;
  }
  switch (scope) {
    case "global":
      return "global";
    case "user":
      return `user:${required(data.userId, "userId", scope)}`;
    case "tenant":
      return `tenant:${required(data.tenantId, "tenantId", scope)}`;
    case "tag":
      return `tag:${required(data.tags?.[0], "tags", scope)}`;
  }
}

function required(value: string | undefined, field: string, scope: string): string {
  if (typeof value === "string" && value !== "") return value;
  throw new ConfigError(
    `BudgetManager "scope" is "${scope}", but the call has no metadata.${field}; pass metadata: { ${field}: ... } with the call, or choose another scope.`,
  );
}
