// Logs an unmodified discord.js client in to FakeDiscord and prints what it sees as JSON lines:
// its guilds and channels at ready, a message it sends, the messages it hears, and its reply to "ping".
//   node discordjs-bot.mjs <REST api base, e.g. http://127.0.0.1:5181/api> <bot token> <channel id to greet>
import { Client, Events, GatewayIntentBits } from "discord.js";

const [api, token, channelId] = process.argv.slice(2);
const out = (value) => console.log(JSON.stringify(value));
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
  rest: { api },
});

const timeout = setTimeout(() => { out({ event: "timeout" }); process.exit(2); }, 60_000);

client.once(Events.ClientReady, async (ready) => {
  out({
    event: "ready",
    user: ready.user.id,
    shard: ready.ws.shards.size,
    guilds: ready.guilds.cache.map((g) => ({
      id: g.id,
      name: g.name,
      channels: g.channels.cache.map((c) => ({ id: c.id, name: c.name, type: c.type, parentId: c.parentId })),
    })),
  });
  const channel = await ready.channels.fetch(channelId);
  const sent = await channel.send("hello from discord.js");
  out({ event: "sent", id: sent.id, content: sent.content, channel: sent.channelId });
});

client.on(Events.MessageCreate, async (message) => {
  out({ event: "message", id: message.id, content: message.content, author: message.author.id, bot: message.author.bot, guild: message.guildId, channel: message.channelId });
  if (!message.author.bot && message.content === "ping") {
    const reply = await message.reply("pong");
    out({ event: "replied", id: reply.id, reference: reply.reference?.messageId ?? null });
    clearTimeout(timeout);
    await client.destroy();
    out({ event: "done" });
    process.exit(0);
  }
});

client.on(Events.Error, (error) => out({ event: "error", message: String(error) }));
await client.login(token);
