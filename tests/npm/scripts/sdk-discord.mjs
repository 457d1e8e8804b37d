// Drives two MCPilot entities with the TypeScript MCP SDK client, through their Discord tools, and
// prints what it saw as JSON. Entity A subscribes to its feed; entity B's post reaches A's feed
// (entities see each other), which must notify A.
//   node sdk-discord.mjs <http|sse> <urlA> <keyA> <urlB> <keyB> <channelId> <threadId>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const [mode, urlA, keyA, urlB, keyB, channel, thread] = process.argv.slice(2);

async function connect(url, key) {
  const headers = { Authorization: `Bearer ${key}` };
  const transport = mode === "sse"
    ? new SSEClientTransport(new URL(url), { requestInit: { headers }, eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }) } })
    : new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: "mcpilot-discord-tests", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

const text = (result) => ({ isError: result.isError ?? false, text: result.content[0].text });
const a = await connect(urlA, keyA);
const b = await connect(urlB, keyB);

const tools = await a.listTools();
let notifiedUri;
const notified = new Promise((resolve) => a.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => { notifiedUri = n.params.uri; resolve(); }));
await a.subscribeResource({ uri: "mcpilot://feed" });

const fromB = await b.callTool({ name: "send_message", arguments: { channel, content: `Hello Ada, from Cyd over ${mode}.` } });
const inThread = await a.callTool({ name: "send_message", arguments: { channel: thread, content: `Ada in the thread over ${mode}.` } });
const sent = await a.callTool({ name: "send_message", arguments: { channel, content: `Ada over ${mode}.` } });
const read = await a.callTool({ name: "read_messages", arguments: { channel } });
const bad = await a.callTool({ name: "send_message", arguments: { channel: "general", content: "hi" } });
let timer;
await Promise.race([notified, new Promise((resolve) => { timer = setTimeout(resolve, 15000); })]);
clearTimeout(timer);
const waited = await a.callTool({ name: "wait_for_messages", arguments: { timeout_seconds: 10 } });

console.log(JSON.stringify({
  tools: tools.tools.map(t => ({ name: t.name, annotations: t.annotations ?? null })),
  fromB: text(fromB),
  inThread: text(inThread),
  sent: text(sent),
  read: text(read),
  bad: text(bad),
  notifiedUri: notifiedUri ?? null,
  waited: text(waited),
}));
await a.close();
await b.close();
