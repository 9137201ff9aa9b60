// A CommonJS app run from the packed packages (scripts/pack-check.sh): it require()s @ffc/core and
// names the provider by id, so core loads @ffc/anthropic itself. With ESM-only packages both are
// the one ES module copy (require(esm), Node 20.19+), so the error the fake Anthropic server
// causes is an instance of the very AuthenticationError class this app required.
const { AuthenticationError, LLMManager } = require("@ffc/core");
const { createAnthropicServer } = require("@ffc/testing");

async function main() {
  const server = await createAnthropicServer({ apiKeys: ["sk-ant-pack-check-right"] });
  try {
    const config = { provider: "anthropic", model: "claude-sonnet-4-6", baseURL: server.url, maxTokens: 100 };
    const answered = await new LLMManager({ ...config, apiKey: "sk-ant-pack-check-right" }).generate({
      prompt: "Say hi",
    });
    if (!answered.text) throw new Error("the CommonJS app got no text from the fake Anthropic server");
    let caught;
    try {
      await new LLMManager({ ...config, apiKey: "sk-ant-pack-check-wrong" }).generate({ prompt: "Say hi" });
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof AuthenticationError)) {
      throw new Error(
        `expected the AuthenticationError class this app required, got ${caught?.name}: two copies of @ffc/core?`,
      );
    }
    if (!AuthenticationError.isInstance(caught)) throw new Error("AuthenticationError.isInstance failed");
    console.log(`CommonJS app passed on Node ${process.versions.node}: instanceof AuthenticationError holds`);
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
