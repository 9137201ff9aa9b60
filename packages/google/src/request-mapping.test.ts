import { InvalidRequestError, type LanguageRequest } from "@ffc/core";
import { createGoogleServer, googleWireAdapter } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { failure, testApiKey, transports } from "./test-support/google-transports";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const usage = { inputTokens: 10, outputTokens: 2 };
const weatherTool = {
  name: "weather",
  description: "Weather forecast for a city.",
  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

describe.each(transports)("the request body sent over $name", ({ create }) => {
  const send = async (request: Partial<LanguageRequest>) => {
    server.enqueue(googleWireAdapter.text({ text: "ok", usage, model: "gemini-2.5-flash" }));
    await create(server).generate({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Hi" }],
      ...request,
    });
    return server.requests[0]!;
  };

  it("sends system messages as systemInstruction and the key as x-goog-api-key", async () => {
    const sent = await send({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
    });
    expect(sent.path).toBe("/v1beta/models/gemini-2.5-flash:generateContent");
    expect(sent.headers["x-goog-api-key"]).toBe(testApiKey);
    expect(sent.body.systemInstruction.parts).toEqual([{ text: "Be brief." }]);
    expect(sent.body.contents).toEqual([{ role: "user", parts: [{ text: "Hi" }] }]);
  });

  it("maps temperature, topP, maxTokens (maxOutputTokens) and stop (stopSequences)", async () => {
    const sent = await send({ temperature: 0.3, topP: 0.9, maxTokens: 123, stop: ["END", "STOP"] });
    expect(sent.body.generationConfig).toEqual({
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 123,
      stopSequences: ["END", "STOP"],
    });
  });

  it("maps a JSON response format to responseMimeType and responseJsonSchema", async () => {
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"] };
    const sent = await send({ responseFormat: { type: "json", schema } });
    expect(sent.body.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseJsonSchema: schema,
    });
  });

  it("maps tools to functionDeclarations and each toolChoice to functionCallingConfig", async () => {
    const sent = await send({ tools: [weatherTool], toolChoice: "required" });
    expect(sent.body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: "weather",
            description: "Weather forecast for a city.",
            parametersJsonSchema: weatherTool.inputSchema,
          },
        ],
      },
    ]);
    expect(sent.body.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY" } });
    for (const [choice, config] of [
      ["auto", { mode: "AUTO" }],
      ["none", { mode: "NONE" }],
      [{ toolName: "weather" }, { mode: "ANY", allowedFunctionNames: ["weather"] }],
    ] as const) {
      server.reset();
      const next = await send({ tools: [weatherTool], toolChoice: choice });
      expect(next.body.toolConfig).toEqual({ functionCallingConfig: config });
    }
  });

  it("sends images as inlineData (base64 or data URL) and fileData (URL)", async () => {
    const sent = await send({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare these." },
            { type: "image", data: "iVBORw0KGgo=", mediaType: "image/png" },
            { type: "image", url: "data:image/jpeg;base64,/9j/4AAQ" },
            { type: "image", url: "https://example.com/cat.webp" },
          ],
        },
      ],
    });
    expect(sent.body.contents[0].parts).toEqual([
      { text: "Compare these." },
      { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
      { inlineData: { mimeType: "image/jpeg", data: "/9j/4AAQ" } },
      { fileData: { mimeType: "image/webp", fileUri: "https://example.com/cat.webp" } },
    ]);
  });

  it("sends a multi-turn tool exchange: model functionCall, then functionResponse under output or error", async () => {
    const sent = await send({
      tools: [weatherTool],
      messages: [
        { role: "user", content: "Weather in Paris and Oslo?" },
        {
          role: "assistant",
          content: [
            { type: "reasoning", text: "", signature: "c2lnbmF0dXJl" },
            {
              type: "tool-call",
              toolCallId: "gemini-call-0000abcd-0",
              toolName: "weather",
              input: { city: "Paris" },
            },
            { type: "tool-call", toolCallId: "vendor-id-7", toolName: "weather", input: { city: "Oslo" } },
          ],
        },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "gemini-call-0000abcd-0",
              toolName: "weather",
              output: { celsius: 21 },
            },
            {
              type: "tool-result",
              toolCallId: "vendor-id-7",
              toolName: "weather",
              output: "service down",
              isError: true,
            },
          ],
        },
      ],
    });
    expect(sent.body.contents.slice(1)).toEqual([
      {
        role: "model",
        parts: [
          { functionCall: { name: "weather", args: { city: "Paris" } }, thoughtSignature: "c2lnbmF0dXJl" },
          { functionCall: { name: "weather", args: { city: "Oslo" }, id: "vendor-id-7" } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "weather", response: { output: { celsius: 21 } } } },
          { functionResponse: { name: "weather", response: { error: "service down" }, id: "vendor-id-7" } },
        ],
      },
    ]);
  });

  it("merges providerOptions.google into the body and ignores other vendors' options", async () => {
    const sent = await send({
      maxTokens: 50,
      providerOptions: {
        google: {
          generationConfig: { thinkingConfig: { thinkingBudget: 0 } },
          safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" }],
        },
        openai: { store: true },
      },
    });
    expect(sent.body.generationConfig).toEqual({
      maxOutputTokens: 50,
      thinkingConfig: { thinkingBudget: 0 },
    });
    expect(sent.body.safetySettings).toEqual([
      { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" },
    ]);
    expect(sent.body.store).toBeUndefined();
  });

  it("sends the configured extra headers", async () => {
    server.enqueue(googleWireAdapter.text({ text: "ok", usage, model: "gemini-2.5-flash" }));
    await create(server, { headers: { "x-team": "search" } }).generate({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(server.requests[0]!.headers["x-team"]).toBe("search");
  });

  it("refuses an image without a media type before sending anything", async () => {
    const error = await failure(() =>
      create(server).generate({
        model: "gemini-2.5-flash",
        messages: [{ role: "user", content: [{ type: "image", data: "AAAA" }] }],
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.message).toContain("messages[0].content[0]");
    expect(error.message).toContain("mediaType");
    expect(server.requests).toHaveLength(0);
  });
});
