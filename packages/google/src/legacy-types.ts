/**
 * The parts of the legacy @google/generative-ai SDK this package calls, described by shape so
 * that nothing is imported from it: users who do not have it installed are unaffected.
 */

/** Per-request options of the legacy SDK. */
export interface LegacyRequestOptions {
  signal?: AbortSignal;
  baseUrl?: string;
  apiVersion?: string;
  customHeaders?: Record<string, string> | Headers;
  timeout?: number;
}

/** A legacy `GenerativeModel` (from `genAI.getGenerativeModel({ model })`). */
export interface LegacyGenerativeModel {
  /** "models/<id>". */
  model: string;
  generateContent(request: any, requestOptions?: any): Promise<{ response: any }>;
  generateContentStream(
    request: any,
    requestOptions?: any,
  ): Promise<{ stream: AsyncIterable<any>; response: Promise<any> }>;
  countTokens(request: any, requestOptions?: any): Promise<{ totalTokens: number }>;
}

/** A legacy `GoogleGenerativeAI` client. */
export interface LegacyGoogleClient {
  getGenerativeModel(modelParams: { model: string }, requestOptions?: any): LegacyGenerativeModel;
}
