// The playground end to end, as a user's MCP client sees it: connects to the demo entity with the
// TypeScript MCP SDK over Streamable HTTP, posts, waits until a human's message addressing it reaches
// its feed, then until a DM (routed by /talk) reaches read_dms. Prints what it saw as JSON.
//   node playground-e2e.mjs <mcpUrl> <key> <channelId> <postText> <mentionMarker> <dmMarker>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, key, channel, postText, mentionMarker, dmMarker] = process.argv.slice(2);
const client = new Client({ name: "mcpilot-playground-e2e", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  return { isError: result.isError ?? false, text: result.content[0].text };
};
const deadline = Date.now() + 60_000;

const tools = (await client.listTools()).tools.map((t) => t.name);
const sent = await call("send_message", { channel, content: postText });

// The test posts as a human once it sees our message in FakeDiscord; the long poll returns when it arrives.
let mention = null;
while (!mention && Date.now() < deadline) {
  const waited = await call("wait_for_messages", { timeout_seconds: 10, mentions_only: true });
  if (waited.text.includes(mentionMarker)) mention = waited;
}

// Then it runs /talk entity:Ada and DMs the bot; read_dms shows the DM once routed.
let dms = null;
while (!dms && Date.now() < deadline) {
  const read = await call("read_dms", { include_read: true });
  if (read.text.includes(dmMarker)) dms = read;
  else await call("wait_for_messages", { timeout_seconds: 5 });
}

console.log(JSON.stringify({ tools, sent, mention, dms }));
await client.close();
