// The MCPilot playground page: FakeDiscord's demo server, live, and a composer to post as a human.
// Plain JavaScript over the host's small JSON API (/playground/api) and its event stream.
"use strict";

const api = "/playground/api";
const state = { world: null, channelId: null, replyTo: null, unread: new Map(), seen: new Set() };
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

function channel(id) { return state.world?.channels.find((c) => c.id === id); }

function label(c) { return c.kind === "thread" ? c.name : `#${c.name}`; }

async function loadWorld() {
  state.world = await request("/world");
  $("guild").textContent = state.world.guildName;
  const list = $("channels");
  list.replaceChildren();
  const roots = state.world.channels.filter((c) => c.kind !== "thread");
  for (const root of roots) {
    list.append(channelItem(root));
    for (const thread of state.world.channels.filter((c) => c.kind === "thread" && c.parentId === root.id)) list.append(channelItem(thread));
  }
  const entities = $("entities");
  entities.replaceChildren(...(state.world.entities.length
    ? state.world.entities.map((e) => element("li", { className: "entity" }, e.name, element("small", { textContent: e.mcpUrl })))
    : [element("li", { className: "empty", textContent: "none yet" })]));
  const author = $("author");
  const chosen = author.value;
  author.replaceChildren(...state.world.members.map((m) => element("option", { value: m.id, textContent: m.name })));
  if (chosen) author.value = chosen;
  if (!state.channelId || !channel(state.channelId)) {
    const first = state.world.channels.find((c) => c.canPost);
    if (first) await select(first.id);
  }
}

function channelItem(c) {
  const button = element("button", { type: "button", textContent: label(c), className: c.id === state.channelId ? "current" : "" });
  button.dataset.id = c.id;
  const count = state.unread.get(c.id);
  if (count) button.append(element("span", { className: "unread", textContent: String(count) }));
  button.addEventListener("click", () => select(c.id));
  return element("li", { className: c.kind }, button);
}

async function select(id) {
  state.channelId = id;
  state.unread.delete(id);
  state.replyTo = null;
  $("replying").hidden = true;
  const c = channel(id);
  $("title").textContent = c ? label(c) : "";
  for (const button of document.querySelectorAll("#channels button")) button.classList.toggle("current", button.dataset.id === id);
  refreshUnread();
  const composer = $("composer");
  composer.querySelector("textarea").disabled = !c?.canPost;
  composer.querySelector("button[type=submit]").disabled = !c?.canPost;
  $("content").placeholder = c?.canPost ? "Message the channel (Enter sends, Shift+Enter for a new line)" : "A forum takes no messages of its own: open one of its posts.";
  const messages = await request(`/channels/${id}/messages`);
  const list = $("messages");
  list.replaceChildren();
  if (!messages.length) list.append(element("li", { className: "empty", textContent: "No messages yet. Say something, or let an entity speak first." }));
  for (const m of messages) list.append(messageItem(m));
  list.scrollTop = list.scrollHeight;
}

function messageItem(m) {
  const time = new Date(m.timestamp);
  const item = element("li", { className: m.authorKind, id: `m${m.id}` });
  if (m.replyToId) {
    const original = document.getElementById(`m${m.replyToId}`);
    const who = original?.querySelector(".author")?.textContent;
    item.append(element("div", { className: "reply-to", textContent: `↪ replying to ${who ?? "an earlier message"}` }));
  }
  const reply = element("button", { type: "button", className: "reply", textContent: "reply" });
  reply.addEventListener("click", () => {
    state.replyTo = m.id;
    const box = $("replying");
    box.querySelector("span").textContent = m.authorName;
    box.hidden = false;
    $("content").focus();
  });
  item.append(
    element("span", { className: "author", textContent: m.authorName }),
    element("time", { dateTime: m.timestamp, textContent: time.toLocaleTimeString() }),
    reply,
    element("div", { className: "content", textContent: m.content }));
  if (m.reactions.length) item.append(element("div", { className: "reactions", textContent: m.reactions.join("  ") }));
  return item;
}

function showMessage(m) {
  if (m.channelId !== state.channelId) {
    if (!state.seen.has(m.id)) {
      state.unread.set(m.channelId, (state.unread.get(m.channelId) ?? 0) + 1);
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
  for (const button of document.querySelectorAll("#channels button")) {
    button.querySelector(".unread")?.remove();
    const count = state.unread.get(button.dataset.id);
    if (count) button.append(element("span", { className: "unread", textContent: String(count) }));
  }
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
  $("error").hidden = true;
  try {
    await request(`/channels/${state.channelId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userId: $("author").value, content: content.value, replyTo: state.replyTo }),
    });
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

listen();
loadWorld().catch(showError);
