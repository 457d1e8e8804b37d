using System.Text.Json;

namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>The TypeScript SDK's client (@modelcontextprotocol/sdk) against a real host, over Streamable HTTP and legacy SSE.</summary>
public sealed class TypeScriptSdkClientTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("http", "")]
    [InlineData("sse", "/sse")]
    public async Task Client_ListsAndCallsToolsAndPrompts(string mode, string suffix)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with { Persona = "Speak plainly." });

        var (exit, output, error) = await NodeRunner.RunAsync([Path.Combine("scripts", "sdk-client.mjs"), _host.EntityUrl(entity.Id, suffix).ToString(), mode, key], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal("Ada", root.GetProperty("server").GetProperty("title").GetString());
        var tools = root.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("annotations"));
        Assert.True(tools["whoami"].GetProperty("readOnlyHint").GetBoolean());
        Assert.Contains("post_note", tools.Keys);
        Assert.Equal(["persona"], root.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains($"You are Ada (entity {entity.Id})", root.GetProperty("whoami").GetString(), StringComparison.Ordinal);
        Assert.Equal("5", root.GetProperty("add").GetString());
        Assert.True(root.GetProperty("wrong").GetProperty("isError").GetBoolean());
        Assert.Contains("Invalid arguments for 'add'", root.GetProperty("wrong").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Speak plainly.", root.GetProperty("persona").GetString(), StringComparison.Ordinal);
        Assert.Equal(-32602, root.GetProperty("unknown").GetProperty("code").GetInt32());
    }
}
