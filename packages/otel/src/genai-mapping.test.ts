import { AbortError, RateLimitError } from "@ffc/core";
import { describe, expect, it } from "vitest";
import {
  errorType,
  finishReasonName,
  providerAttributes,
  providerName,
  requestAttributes,
} from "./genai-mapping";

describe("GenAI convention mapping", () => {
  it("names Google's Gemini API gcp.gemini and passes other provider ids through", () => {
    expect(providerName("google")).toBe("gcp.gemini");
    expect(providerName("openai")).toBe("openai");
    expect(providerName("anthropic")).toBe("anthropic");
    expect(providerName("my-local-llama")).toBe("my-local-llama");
  });

  it("emits the provider under both gen_ai.provider.name and the older gen_ai.system", () => {
    expect(providerAttributes("google")).toEqual({
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.system": "gcp.gemini",
      "ffc.provider.id": "google",
    });
  });

  it("spells finish reasons as the conventions' output message schema does", () => {
    expect(finishReasonName("stop")).toBe("stop");
    expect(finishReasonName("tool-calls")).toBe("tool_call");
    expect(finishReasonName("content-filter")).toBe("content_filter");
    expect(finishReasonName("length")).toBe("length");
  });

  it("uses the error's class name as error.type", () => {
    class VendorHiccup extends Error {}
    expect(errorType(new RateLimitError("slow down"))).toBe("RateLimitError");
    expect(errorType(new AbortError("stopped"))).toBe("AbortError");
    expect(errorType(new TypeError("bad"))).toBe("TypeError");
    expect(errorType(new VendorHiccup("oops"))).toBe("VendorHiccup");
    expect(errorType(new Error("plain"))).toBe("Error");
    expect(errorType("a string was thrown")).toBe("_OTHER");
    expect(errorType(undefined)).toBe("_OTHER");
  });

  it("records only the request settings that were set", () => {
    expect(requestAttributes({ model: "gpt-4o", messages: [] })).toEqual({});
    expect(
      requestAttributes({
        model: "gpt-4o",
        messages: [],
        maxTokens: 10,
        stop: [],
        responseFormat: { type: "text" },
      }),
    ).toEqual({ "gen_ai.request.max_tokens": 10, "gen_ai.output.type": "text" });
  });
});
