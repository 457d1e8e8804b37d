// The MCPilot playground page: FakeDiscord's demo server, live; post, react and DM the bot as a human
// member, and run the bot's slash commands (type /talk entity:Ada in the composer).
// Plain JavaScript over the host's small JSON API (/playground/api) and its event stream.
"use strict";

const api = "/playground/api";
const state = { world: null, view: null, replyTo: null, unread: new Map(), seen: new Set(), commands: [] };
const $ = (id) => document.getElementById(id);

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
}

async function request(path, options) {
  const response = await fetch(api + path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
  return body;
}

function post(path, body) {
  return request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

// A view is a channel's id, or "dm:<member id>" for that member's DMs with the bot.
const dmView = (userId) => `dm:${userId}`;
const isDm = (view) => view?.startsWith("dm:");
function channel(id) { return state.world?.channels.find((c) => c.id === id); }
function member(id) { return state.world?.members.find((m) => m.id === id); }
function label(c) { return c.kind === "thread" ? c.name : `#${c.name}`; }
function viewTitle(view) {
  if (isDm(view)) return `${member(view.slice(3))?.name ?? "?"} ↔ ${state.world.botName} (DM)`;
  const c = channel(view);
  return c ? label(c) : "";
}

// Discord's markup, shown as Discord shows it: <#channel>, <@user>, <t:unix:style>.
function render(text) {
  return text
    .replace(/<#(\d+)>/g, (all, id) => (channel(id) ? label(channel(id)) : "#unknown"))
    .replace(/<@!?(\d+)>/g, (all, id) => `@${member(id)?.name ?? id}`)
    .replace(/<t:(\d+)(?::\w)?>/g, (all, unix) => new Date(Number(unix) * 1000).toLocaleString());
}

async function loadWorld() {
  state.world = await request("/world");
  $("guild").textContent = state.world.guildName;
  const list = $("channels");
  list.replaceChildren();
  for (const root of state.world.channels.filter((c) => c.kind !== "thread")) {
    list.append(navItem(root.id, label(root), root.kind));
    for (const thread of state.world.channels.filter((c) => c.kind === "thread" && c.parentId === root.id)) list.append(navItem(thread.id, label(thread), "thread"));
  }
  $("dms").replaceChildren(...state.world.members.map((m) => navItem(dmView(m.id), `${m.name} ↔ ${state.world.botName}`, "dm")));
  $("entities").replaceChildren(...(state.world.entities.length
    ? state.world.entities.map((e) => element("li", { className: "entity" }, e.name, element("small", { textContent: e.mcpUrl })))
    : [element("li", { className: "empty", textContent: "none yet" })]));
  const author = $("author");
  const chosen = author.value;
  author.replaceChildren(...state.world.members.map((m) => element("option", { value: m.id, textContent: m.name })));
  if (chosen) author.value = chosen;
  if (!state.view || (!isDm(state.view) && !channel(state.view))) {
    const first = state.world.channels.find((c) => c.canPost);
    if (first) await select(first.id);
  }
}

async function loadCommands() {
  state.commands = await request("/commands");
  $("commands").textContent = state.commands.length
    ? `Slash commands (type them here): ${state.commands.map((c) => c.usage).join("  ·  ")}`
    : "";
}

function navItem(view, text, kind) {
  const button = element("button", { type: "button", textContent: text, className: view === state.view ? "current" : "" });
  button.dataset.id = view;
  button.addEventListener("click", () => select(view));
  return element("li", { className: kind }, button);
}

async function select(view) {
  state.view = view;
  state.unread.delete(view);
  state.replyTo = null;
  $("replying").hidden = true;
  $("title").textContent = viewTitle(view);
  for (const button of document.querySelectorAll("nav button")) button.classList.toggle("current", button.dataset.id === view);
  refreshUnread();
  const canPost = isDm(view) || channel(view)?.canPost;
  if (isDm(view)) $("author").value = view.slice(3);
  $("author").disabled = isDm(view);
  $("content").disabled = !canPost;
  $("composer").querySelector("button[type=submit]").disabled = !canPost;
  $("content").placeholder = isDm(view) ? `Direct message ${state.world.botName} (after /talk in a channel, it reaches that entity)`
    : canPost ? "Message the channel, or run a slash command: /talk entity:Ada (Enter sends)" : "A forum takes no messages of its own: open one of its posts.";
  const messages = await request(isDm(view) ? `/dms/${view.slice(3)}/messages` : `/channels/${view}/messages`);
  const list = $("messages");
  list.replaceChildren();
  if (!messages.length) list.append(element("li", { className: "empty", textContent: "No messages yet. Say something, or let an entity speak first." }));
  for (const m of messages) list.append(messageItem(m));
  list.scrollTop = list.scrollHeight;
}

function messageItem(m) {
  const item = element("li", { className: m.authorKind, id: `m${m.id}` });
  if (m.replyToId) {
    const who = document.getElementById(`m${m.replyToId}`)?.querySelector(".author")?.textContent;
    item.append(element("div", { className: "reply-to", textContent: `↪ replying to ${who ?? "an earlier message"}` }));
  }
  item.append(
    element("span", { className: "author", textContent: m.authorName }),
    element("time", { dateTime: m.timestamp, textContent: new Date(m.timestamp).toLocaleTimeString() }));
  if (!m.dmUserId) {
    const reply = element("button", { type: "button", className: "reply", textContent: "reply" });
    reply.addEventListener("click", () => {
      state.replyTo = m.id;
      const box = $("replying");
      box.querySelector("span").textContent = m.authorName;
      box.hidden = false;
      $("content").focus();
    });
    item.append(reply);
    if (m.authorKind === "entity") {
      const ask = element("button", { type: "button", className: "ask", textContent: "❓ who posted this?", title: "React ❓: the bot DMs you who runs this entity" });
      ask.addEventListener("click", () => post(`/channels/${m.channelId}/messages/${m.id}/reactions`, { userId: $("author").value, emoji: "❓" }).catch(showError));
      item.append(ask);
    }
  }
  item.append(element("div", { className: "content", textContent: render(m.content) }));
  if (m.reactions.length) item.append(element("div", { className: "reactions", textContent: m.reactions.join("  ") }));
  return item;
}

function showMessage(m) {
  const view = m.dmUserId ? dmView(m.dmUserId) : m.channelId;
  if (view !== state.view) {
    if (!state.seen.has(m.id)) {
      state.unread.set(view, (state.unread.get(view) ?? 0) + 1);
      refreshUnread();
    }
    state.seen.add(m.id);
    return;
  }
  state.seen.add(m.id);
  const list = $("messages");
  list.querySelector(".empty")?.remove();
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const existing = document.getElementById(`m${m.id}`);
  const item = messageItem(m);
  if (existing) existing.replaceWith(item); else list.append(item);
  if (atBottom || !existing) list.scrollTop = list.scrollHeight;
}

function refreshUnread() {
  for (const button of document.querySelectorAll("nav button")) {
    button.querySelector(".unread")?.remove();
    const count = state.unread.get(button.dataset.id);
    if (count) button.append(element("span", { className: "unread", textContent: String(count) }));
  }
}

function showAnswer(result) {
  const box = $("answer");
  box.querySelector(".only-you").firstChild.textContent = result.ephemeral ? `/${result.command} · only you can see this · ` : `/${result.command} · also posted in the channel · `;
  box.querySelector(".content").textContent = result.replies.map(render).join("\n\n");
  box.hidden = false;
}

function listen() {
  const events = new EventSource(`${api}/events`);
  const live = $("live");
  events.addEventListener("ready", () => { live.textContent = "live"; live.classList.remove("off"); });
  events.addEventListener("error", () => { live.textContent = "reconnecting…"; live.classList.add("off"); });
  events.addEventListener("message", (e) => showMessage(JSON.parse(e.data)));
  events.addEventListener("delete", (e) => document.getElementById(`m${JSON.parse(e.data).id}`)?.remove());
  events.addEventListener("world", () => loadWorld().catch(showError));
}

function showError(error) {
  const box = $("error");
  box.textContent = error.message;
  box.hidden = false;
}

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("content");
  const text = content.value;
  $("error").hidden = true;
  try {
    if (text.trimStart().startsWith("/")) {
      if (isDm(state.view)) throw new Error("Slash commands run in a server channel: open one, then type the command there.");
      content.value = "";
      showAnswer(await post("/commands", { channelId: state.view, userId: $("author").value, text }));
      return;
    }
    const userId = $("author").value;
    await post(isDm(state.view) ? `/dms/${userId}/messages` : `/channels/${state.view}/messages`, { userId, content: text, replyTo: state.replyTo });
    content.value = "";
    state.replyTo = null;
    $("replying").hidden = true;
  } catch (error) {
    showError(error);
  }
});

$("content").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

$("cancel-reply").addEventListener("click", () => { state.replyTo = null; $("replying").hidden = true; });
$("dismiss").addEventListener("click", () => { $("answer").hidden = true; });

listen();
loadWorld().then(loadCommands).catch(showError);
