using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Tests.Tools;

/// <summary>Plugin prompts and resources (AddEntityPrompts / AddEntityResources) over real HTTP, beside the entity's own.</summary>
public sealed class EntityPluginPrimitivesTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await EntityHost.StartAsync(plugins: mcpilot => mcpilot.AddEntityPrompts<TestPrompts>().AddEntityResources<TestResources>());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetPrompt_PluginPrompt_ListedBesidePersonaAndSeesTheEntity()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var prompts = await client.ListPromptsAsync(cancellationToken: Ct);
        var result = await client.GetPromptAsync("greet", new Dictionary<string, object?> { ["name"] = "Bob", ["tone"] = "casual" }, cancellationToken: Ct);

        Assert.Equal(["greet", "persona"], prompts.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Ada greets Bob, casual.", Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text);
    }

    [Fact]
    public async Task ReadResource_PluginResourceAndTemplate_ListedBesideFeedsAndRead()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var resources = await client.ListResourcesAsync(cancellationToken: Ct);
        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Ct);
        var name = await client.ReadResourceAsync("test://entity/name", cancellationToken: Ct);
        var echo = await client.ReadResourceAsync("test://echo/hello", cancellationToken: Ct);

        Assert.Equal(["mcpilot://dms", "mcpilot://feed", "test://entity/name"], resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.Equal("test://echo/{word}", Assert.Single(templates).UriTemplate);
        Assert.Equal("Ada", Assert.IsType<TextResourceContents>(Assert.Single(name.Contents)).Text);
        Assert.Equal("echo: hello", Assert.IsType<TextResourceContents>(Assert.Single(echo.Contents)).Text);
    }

    [Fact]
    public async Task Subscribe_PluginResourceAccepted_UnknownUriRefused()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        await client.SubscribeToResourceAsync("test://entity/name", cancellationToken: Ct);
        await client.UnsubscribeFromResourceAsync("test://entity/name", cancellationToken: Ct);
        await client.SubscribeToResourceAsync("mcpilot://feed", cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("test://nothing-here", cancellationToken: Ct));

        Assert.Equal(McpErrorCode.ResourceNotFound, refused.ErrorCode);
        Assert.Contains("resources/list", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_PluginPromptArgument_AllowedValuesOffered()
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(_host.EntityUrl(entity.Id), key);

        var tone = await client.CompleteAsync(new PromptReference { Name = "greet" }, "tone", "fo", cancellationToken: Ct);
        var name = await client.CompleteAsync(new PromptReference { Name = "greet" }, "name", "B", cancellationToken: Ct);

        Assert.NotNull(client.ServerCapabilities.Completions);
        Assert.Equal(["formal"], tone.Completion.Values);
        Assert.Empty(name.Completion.Values);
    }
}
