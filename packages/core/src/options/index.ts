export type { OptionProblem } from "../errors/config-error";
export { checkOptions, optionsError } from "./check-options";
export { describeValue } from "./describe-value";
export {
  type CheckedOptions,
  isPlainObject,
  type NumberSettings,
  type OptionRule,
  type OptionShape,
  option,
  type RuleSettings,
  type StringSettings,
} from "./option-rule";
