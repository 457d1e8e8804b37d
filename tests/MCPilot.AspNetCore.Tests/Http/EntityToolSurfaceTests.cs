using MCPilot.Tests.Fakes;
using MCPilot.Activity;
using MCPilot.Entities;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Tests.Http;

public sealed class EntityToolSurfaceTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    [InlineData("2025-03-26")]
    public async Task Connect_CSharpClientOfEachProtocol_ListsToolsWithAnnotations(string? protocolVersion)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with { Description = "A mathematician." });
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key, protocolVersion);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Ada", client.ServerInfo!.Title);
        Assert.Contains("Ada", client.ServerInstructions, StringComparison.Ordinal);
        Assert.Equal(["add", "explode", "get_mentions", "post_note", "read_dms", "wait_for_messages", "whoami"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var whoami = tools.Single(t => t.Name == "whoami").ProtocolTool.Annotations!;
        Assert.True(whoami.ReadOnlyHint);
        Assert.False(whoami.DestructiveHint);
        Assert.NotEqual("2026-07-28", client.NegotiatedProtocolVersion);
    }

    [Fact]
    public async Task CallTool_WhoAmI_DescribesEntityPolicyAndFeed()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with
        {
            Guilds = [new EntityGuildMembership(7, new ChannelPolicy { Allow = new HashSet<ulong> { 10, 11 }, Deny = new HashSet<ulong> { 12 } }) { MentionRoleId = 99 }],
        });
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var result = await client.CallToolAsync("whoami", cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.False(result.IsError ?? false);
        Assert.Contains($"You are Ada (entity {entity.Id})", text, StringComparison.Ordinal);
        Assert.Contains("server 7: only channels 10, 11 except 12; messages mentioning role 99", text, StringComparison.Ordinal);
        Assert.Contains("Send limit: 30 messages a minute", text, StringComparison.Ordinal);
        Assert.Contains("Feed: 0 unread", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_Persona_ServesCurrentPersona()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with { Persona = "Speak in rhymes." });
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);
        var prompts = await client.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("persona", Assert.Single(prompts).Name);

        await _host.Registry.UpdateAsync(entity.Id, e => e with { Persona = "Speak in haiku." }, TestContext.Current.CancellationToken);
        var prompt = await client.GetPromptAsync("persona", cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("Speak in haiku.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_PolicyContentAndRateLimit_ToolErrorsWithReasonsAndAudit()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with
        {
            Guilds = [new EntityGuildMembership(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 } })],
            BlockedPhrases = ["spoiler"],
            RateLimits = new EntityRateLimits { SendsPerMinute = 1, Burst = 1 },
        });
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var denied = await Call(client, "post_note", new() { ["guild"] = 1, ["channel"] = 20, ["content"] = "hi" });
        var blocked = await Call(client, "post_note", new() { ["guild"] = 1, ["channel"] = 10, ["content"] = "a SPOILER" });
        var ok = await Call(client, "post_note", new() { ["guild"] = 1, ["channel"] = 10, ["content"] = "hi" });
        var limited = await Call(client, "post_note", new() { ["guild"] = 1, ["channel"] = 10, ["content"] = "again" });

        Assert.Contains("may not use channel 20", ErrorText(denied), StringComparison.Ordinal);
        Assert.Contains("\"spoiler\"", ErrorText(blocked), StringComparison.Ordinal);
        Assert.Equal("Ada noted: hi", Assert.IsType<TextContentBlock>(ok.Content[0]).Text);
        Assert.Contains("Retry in 60 s", ErrorText(limited), StringComparison.Ordinal);
        Assert.Equal(
            [ToolCallOutcome.Denied, ToolCallOutcome.Denied, ToolCallOutcome.Success, ToolCallOutcome.RateLimited],
            _host.Audit.Records().Where(r => r.EntityId == entity.Id).Select(r => r.Outcome));
        Assert.All(_host.Audit.Records(), r => Assert.Equal("post_note", r.Tool));
    }

    [Fact]
    public async Task CallTool_AllowList_HidesAndRefusesOtherTools()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with { ToolAllowList = new HashSet<string> { "whoami" } });
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var refused = await Call(client, "add", new() { ["a"] = 1, ["b"] = 2 });

        Assert.Equal(["whoami"], tools.Select(t => t.Name));
        Assert.Contains("The tool 'add' is not enabled for Ada. Enabled tools: whoami.", ErrorText(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_BadArguments_ClearToolErrors()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var wrongType = await Call(client, "add", new() { ["a"] = "one", ["b"] = 2 });
        var missing = await Call(client, "add", new() { ["a"] = 1 });
        var sum = await Call(client, "add", new() { ["a"] = 40, ["b"] = 2 });

        Assert.Contains("Invalid arguments for 'add'", ErrorText(wrongType), StringComparison.Ordinal);
        Assert.Contains("Invalid arguments for 'add'", ErrorText(missing), StringComparison.Ordinal);
        Assert.Contains("'b'", ErrorText(missing), StringComparison.Ordinal);
        Assert.Equal("42", Assert.IsType<TextContentBlock>(sum.Content[0]).Text);
    }

    [Fact]
    public async Task CallTool_UnknownTool_JsonRpcInvalidParams()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("nope", cancellationToken: TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_ToolThrows_GenericErrorWithReferenceAndNoDetail()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var result = await Call(client, "explode", []);

        Assert.Contains("failed unexpectedly (reference", ErrorText(result), StringComparison.Ordinal);
        Assert.DoesNotContain("secret internal detail", ErrorText(result), StringComparison.Ordinal);
        Assert.Equal(ToolCallOutcome.Failed, _host.Audit.Records().Last().Outcome);
    }

    [Fact]
    public async Task Connect_LegacySse_ListsAndCallsTools()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id, "/sse"), key, "2024-11-05", HttpTransportMode.Sse);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var result = await Call(client, "add", new() { ["a"] = 2, ["b"] = 3 });

        Assert.Contains(tools, t => t.Name == "whoami");
        Assert.Equal("5", Assert.IsType<TextContentBlock>(result.Content[0]).Text);
    }

    private static async Task<CallToolResult> Call(McpClient client, string tool, Dictionary<string, object?> args) =>
        await client.CallToolAsync(tool, args, cancellationToken: TestContext.Current.CancellationToken);

    private static string ErrorText(CallToolResult result)
    {
        Assert.True(result.IsError);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
