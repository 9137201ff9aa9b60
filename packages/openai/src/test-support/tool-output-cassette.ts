// The tools and question of chat/pydantic-ai/test_openai_tool_output.yaml, as FFC definitions:
// the fixture replay and the token-count tests both send exactly what was recorded.

/** The two tools the recorded request offered. */
export const toolOutputTools = [
  {
    name: "get_user_country",
    description: "",
    inputSchema: { additionalProperties: false, properties: {}, type: "object" },
  },
  {
    name: "final_result",
    description: "The final response which ends this conversation",
    inputSchema: {
      properties: { city: { type: "string" }, country: { type: "string" } },
      required: ["city", "country"],
      type: "object",
    },
  },
];

/** The recorded user question. */
export const toolOutputQuestion = {
  role: "user" as const,
  content: "What is the largest city in the user country?",
};
