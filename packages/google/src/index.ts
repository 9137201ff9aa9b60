export type { GoogleProviderOptions } from "./google-options";
export { createGoogle, createProvider, type GoogleProvider, google } from "./google-provider";
export type { LegacyGenerativeModel, LegacyGoogleClient } from "./legacy-types";
export { googleModelInfo } from "./model-info";
