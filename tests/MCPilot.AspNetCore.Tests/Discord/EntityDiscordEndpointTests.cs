using MCPilot.Tests.Fakes;
using System.Globalization;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Testing.FakeDiscord;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Tests.Discord;

/// <summary>
/// The Discord tools through a real MCP client (the C# SDK over Streamable HTTP) against a Kestrel
/// host on 127.0.0.1 whose Discord is FakeDiscord on loopback, its MESSAGE_CREATEs routed back in.
/// </summary>
public sealed class EntityDiscordEndpointTests : DiscordHostTests
{
    [Fact]
    public async Task Tools_ListedWithAnnotations()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        var tools = (await client.ListToolsAsync(cancellationToken: Token)).ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations!);

        foreach (var name in new[] { "list_servers", "list_channels", "read_messages", "get_mentions", "wait_for_messages", "read_dms" })
        {
            Assert.True(tools[name].ReadOnlyHint, name);
            Assert.False(tools[name].DestructiveHint, name);
        }

        foreach (var name in new[] { "send_message", "add_reaction", "send_dm" })
        {
            Assert.False(tools[name].ReadOnlyHint, name);
            Assert.False(tools[name].DestructiveHint, name);
        }

        Assert.False(tools["send_message"].IdempotentHint);
        Assert.True(tools["add_reaction"].IdempotentHint);
    }

    [Fact]
    public async Task SendMessage_ThenReadMessages_PostedAsTheEntityAndReadBack()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        var sent = await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "Hello from an MCP client." });
        var read = await CallAsync(client, "read_messages", new() { ["channel"] = Id(Demo.General.Id) });

        var posted = Assert.Single(Discord.State.GetMessages(Demo.General.Id));
        Assert.Equal(("Ada", "https://avatars.example.com/ada.png", "Hello from an MCP client."), (posted.Username, posted.AvatarUrl, posted.Content));
        Assert.NotNull(posted.WebhookId);
        Assert.Equal($"Posted as Ada in #general (channel {Demo.General.Id}): message [{posted.Id}].", sent);
        Assert.Contains($"[{posted.Id}] ", read, StringComparison.Ordinal);
        Assert.Contains("Ada (you): Hello from an MCP client.", read, StringComparison.Ordinal);
        Assert.Contains(Host.Audit.Records(), r => r.EntityId == ada.Id && r.Tool == "send_message" && r.Outcome == ToolCallOutcome.Success);
    }

    [Fact]
    public async Task SendMessage_IdsSentAsJsonNumbers_ReadWithAllTheirDigits()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        await CallAsync(client, "send_message", new() { ["channel"] = Demo.General.Id, ["content"] = "numbers are fine" });

        Assert.Equal("numbers are fine", Assert.Single(Discord.State.GetMessages(Demo.General.Id)).Content);
    }

    [Fact]
    public async Task SendMessage_Thread_PostedInTheThreadThroughItsParentsWebhook()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        var sent = await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.Thread.Id), ["content"] = "Threaded." });

        var posted = Assert.Single(Discord.State.GetMessages(Demo.Thread.Id));
        Assert.Equal("Ada", posted.Username);
        Assert.Equal(Discord.State.GetWebhooks(Demo.General.Id).Single().Id, posted.WebhookId);
        Assert.Contains($"thread \"entities-chat\" (thread {Demo.Thread.Id} of channel {Demo.General.Id})", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_WebhookDeletedOrOne429_StillPostedExactlyOnce()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);
        await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "one" });
        Discord.State.DeleteWebhook(Discord.State.GetWebhooks(Demo.General.Id).Single().Id);

        await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "two (after 10015)" });
        Discord.Faults.RateLimitNext(1, FakeRateLimitScope.User, TimeSpan.FromMilliseconds(50), "POST /webhooks/{webhook_id}/{webhook_token}");
        await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "three (after a 429)" });

        Assert.Equal(["one", "two (after 10015)", "three (after a 429)"], Discord.State.GetMessages(Demo.General.Id).Select(m => m.Content));
    }

    [Fact]
    public async Task Feed_HumanMessageAndMention_ReachTheEntityThroughTheRouter()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        var waiting = CallAsync(client, "wait_for_messages", new() { ["timeout_seconds"] = 30 });
        Discord.State.PostUserMessage(Demo.General.Id, Demo.Alice.Id, "Ada, are you there?");

        var text = await waiting;
        Assert.Contains($"Alice (user {Demo.Alice.Id}) in #general (channel {Demo.General.Id}) — names you: Ada, are you there?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_Bad_ClearToolErrorsAndNothingLost()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);
        var general = Id(Demo.General.Id);

        var snowflake = await ErrorAsync(client, "send_message", new() { ["channel"] = "general", ["content"] = "hi" });
        var missing = await ErrorAsync(client, "send_message", new() { ["channel"] = general });
        var huge = await ErrorAsync(client, "send_message", new() { ["channel"] = general, ["content"] = new string('a', EntityOptions.DefaultMaxMessageLength + 1) });
        var wrongType = await ErrorAsync(client, "read_messages", new() { ["channel"] = general, ["limit"] = "ten" });
        var replyTo = await ErrorAsync(client, "send_message", new() { ["channel"] = general, ["content"] = "hi", ["reply_to"] = "12345" });
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("send_messages", new Dictionary<string, object?>(), cancellationToken: Token).AsTask());
        var ok = await CallAsync(client, "send_message", new() { ["channel"] = general, ["content"] = "still works" });

        Assert.StartsWith("'channel' must be the id of a channel or thread", snowflake, StringComparison.Ordinal);
        Assert.Contains("content", missing, StringComparison.Ordinal);
        Assert.Contains($"'content' is {EntityOptions.DefaultMaxMessageLength + 1} characters long", huge, StringComparison.Ordinal);
        Assert.StartsWith("Invalid arguments for 'read_messages'", wrongType, StringComparison.Ordinal);
        Assert.Contains("'reply_to': message 12345 is not in channel", replyTo, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, unknown.ErrorCode);
        Assert.StartsWith("Posted as Ada", ok, StringComparison.Ordinal);
        Assert.Equal(["still works"], Discord.State.GetMessages(Demo.General.Id).Select(m => m.Content));
        Assert.Equal(6, Host.Audit.Records().Count(r => r.EntityId == ada.Id && r.Outcome == ToolCallOutcome.InvalidArguments));
    }

    [Fact]
    public async Task SendMessage_OverTheEntitysLimit_ToolErrorSaysWhenToRetry()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada", e => e with { RateLimits = new EntityRateLimits { SendsPerMinute = 2, Burst = 1 } });
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);
        await CallAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "first" });

        var limited = await ErrorAsync(client, "send_message", new() { ["channel"] = Id(Demo.General.Id), ["content"] = "second" });

        Assert.Matches(@"^Rate limited: Ada may send 2 messages a minute \(bursts of 1\)\. Retry in \d+ s", limited);
        Assert.Single(Discord.State.GetMessages(Demo.General.Id));
        Assert.Contains(Host.Audit.Records(), r => r.Tool == "send_message" && r.Outcome == ToolCallOutcome.RateLimited);
    }

    [Fact]
    public async Task FeedResource_Subscribed_ClientNotifiedWhenAMessageArrives()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.SubscribeToResourceAsync("mcpilot://feed", (update, _) =>
        {
            notified.TrySetResult(update.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: Token);

        Discord.State.PostUserMessage(Demo.General.Id, Demo.Alice.Id, "news!");

        Assert.Equal("mcpilot://feed", await notified.Task.WaitAsync(TimeSpan.FromSeconds(20), Token));
        var resource = await client.ReadResourceAsync("mcpilot://feed", cancellationToken: Token);
        Assert.Contains("news!", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text, StringComparison.Ordinal);
        Assert.Contains("news!", await CallAsync(client, "wait_for_messages", new() { ["timeout_seconds"] = 0 }), StringComparison.Ordinal);
    }

    internal static async Task<string> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Token);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.False(result.IsError ?? false, text);
        return text;
    }

    internal static async Task<string> ErrorAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Token);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError, text);
        return text;
    }

    internal static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
