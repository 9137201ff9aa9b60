/**
 * Default time limit of one attempt: of a generate request, and of a stream's wait for its
 * first part. Ten minutes: the vendors' own SDKs allow about that for a non-streaming request
 * (OpenAI and Anthropic default to 10 minutes), and reasoning models can think for minutes
 * before answering, so a shorter default would cut off healthy calls.
 */
export const defaultAttemptTimeoutMs = 600_000;

/**
 * Default longest wait between two parts of a stream once it has begun. Vendors send a part
 * (or a keep-alive ping) every few seconds while a model writes; a minute of silence means a
 * stalled connection, and waiting for the attempt timeout would hold the call for minutes.
 */
export const defaultStreamStallTimeoutMs = 60_000;

/** Time limits a manager applies when neither the config nor the call sets `timeoutMs`. */
export interface TimeoutDefaults {
  /**
   * Longest time one attempt may take (generate), or a stream may take to send its first part.
   * @default 600000 (10 minutes)
   */
  attemptMs?: number;
  /**
   * Longest wait between two parts of a stream after the first.
   * @default 60000 (1 minute)
   */
  streamStallMs?: number;
}
