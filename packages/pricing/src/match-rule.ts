import type { MatchRule } from "./price-types";

/** True when `id` (already lower-cased) satisfies a genai-prices matching rule, as genai-prices decides it. */
export function matchesRule(rule: MatchRule, id: string): boolean {
  if ("or" in rule) return rule.or.some((inner) => matchesRule(inner, id));
  if ("and" in rule) return rule.and.every((inner) => matchesRule(inner, id));
  if ("equals" in rule) return id === rule.equals.toLowerCase();
  if ("starts_with" in rule) return id.startsWith(rule.starts_with.toLowerCase());
  if ("ends_with" in rule) return id.endsWith(rule.ends_with.toLowerCase());
  if ("contains" in rule) return id.includes(rule.contains.toLowerCase());
  if ("regex" in rule) return new RegExp(rule.regex).test(id);
  return false;
}
