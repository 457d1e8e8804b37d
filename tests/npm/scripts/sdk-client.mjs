// Drives the TypeScript MCP SDK client against an MCPilot entity and prints what it saw as JSON.
//   node sdk-client.mjs <url> <http|sse> [key]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const [url, mode, key] = process.argv.slice(2);
const headers = key ? { Authorization: `Bearer ${key}` } : {};
const transport = mode === "sse"
  ? new SSEClientTransport(new URL(url), { requestInit: { headers }, eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }) } })
  : new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
const client = new Client({ name: "mcpilot-tests", version: "1.0.0" });
await client.connect(transport);
const tools = await client.listTools();
const prompts = await client.listPrompts();
const whoami = await client.callTool({ name: "whoami", arguments: {} });
const add = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
const wrong = await client.callTool({ name: "add", arguments: { a: "two", b: 3 } });
const persona = await client.getPrompt({ name: "persona" });
let unknown;
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
} catch (e) {
  unknown = { code: e.code, message: e.message };
}
console.log(JSON.stringify({
  server: client.getServerVersion(),
  protocol: transport.protocolVersion ?? null,
  tools: tools.tools.map(t => ({ name: t.name, annotations: t.annotations ?? null })),
  prompts: prompts.prompts.map(p => p.name),
  whoami: whoami.content[0].text,
  add: add.content[0].text,
  wrong: { isError: wrong.isError ?? false, text: wrong.content[0].text },
  persona: persona.messages[0].content.text,
  unknown,
}));
await client.close();
