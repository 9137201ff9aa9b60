// Child process entry: runs the fake OpenAI, Anthropic and Gemini servers apart from the measured client, so the
// server's work does not share the client's event loop (as with a real vendor).

import { Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import { Server } from "node:net";
import type { FakeServer } from "@ffc/testing";
import { benchAnswer, benchCounts } from "./bench-settings";
import { streamText } from "./stream-text";

// @ffc/testing's ESM build bundles the CommonJS "yaml" package, whose require("process") fails
// in plain Node ESM ("Dynamic require of process is not supported"); a global require lets
// esbuild's shim use Node's. Remove once @ffc/testing keeps yaml external.
(globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);
const { createAnthropicServer, createGoogleServer, createOpenAIServer } = await import("@ffc/testing");

// FakeServer listens with Node's defaults, made for tests, not for load: a backlog of 511
// pending connections (the memory benchmark opens 1,000 at once) and a keep-alive timeout of
// 5 s (on a loaded machine the server then closes sockets the client is about to reuse: "other
// side closed"). Give this process's servers the kernel's backlog and a long keep-alive;
// options for both on FakeServer would be nicer.
const listen = Server.prototype.listen as (...args: unknown[]) => Server;
Server.prototype.listen = function listenForLoad(this: Server, ...args: unknown[]) {
  if (this instanceof HttpServer) {
    this.keepAliveTimeout = 120_000;
    this.headersTimeout = 130_000;
  }
  const [port, host, callback] = args;
  if (typeof port === "number" && typeof host === "string" && typeof callback === "function") {
    return listen.call(this, port, host, 4096, callback);
  }
  return listen.apply(this, args);
} as typeof Server.prototype.listen;

const longText = streamText(benchCounts().streamParts);
const generateServer = await createOpenAIServer({ text: benchAnswer });
const streamServer = await createOpenAIServer({ text: longText });
// Anthropic Messages and Gemini generateContent, for @ffc/anthropic and @ffc/google against their own SDKs.
const anthropicServer = await createAnthropicServer({ respond: () => benchAnswer });
const anthropicStreamServer = await createAnthropicServer({ respond: () => longText });
const googleServer = await createGoogleServer({ text: benchAnswer });
const googleStreamServer = await createGoogleServer({ text: longText });
const servers = [
  generateServer,
  streamServer,
  anthropicServer,
  anthropicStreamServer,
  googleServer,
  googleStreamServer,
];

// The fake server records every request for tests; a benchmark makes tens of thousands, so
// forget them regularly to keep the server's memory (and GC pauses) flat.
const forget = (server: FakeServer) => {
  server.requests.length = 0;
};
setInterval(() => {
  for (const server of servers) forget(server);
}, 500).unref();

const addresses = {
  generateUrl: generateServer.url,
  streamUrl: streamServer.url,
  vendors: {
    anthropic: { generateUrl: anthropicServer.url, streamUrl: anthropicStreamServer.url },
    google: { generateUrl: googleServer.url, streamUrl: googleStreamServer.url },
  },
};
process.stdout.write(`${JSON.stringify(addresses)}\n`);

const shutDown = async () => {
  await Promise.all(servers.map((server) => server.close()));
  process.exit(0);
};
process.on("SIGTERM", () => void shutDown());
process.stdin.on("end", () => void shutDown());
process.stdin.resume();
