/**
 * Where FFC reports what belongs to no call's result: vendor SDK warnings (a deprecated model),
 * listeners and plugins that failed. `console` fits; pass `{ warn() {}, error() {} }` to silence it.
 */
export interface Logger {
  /** Something the user should fix, e.g. a deprecated model. */
  warn(message: string, ...details: unknown[]): void;
  /** Something that failed without failing a call, e.g. a throwing listener. */
  error(message: string, ...details: unknown[]): void;
}
