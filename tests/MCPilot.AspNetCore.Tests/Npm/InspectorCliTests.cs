namespace MCPilot.AspNetCore.Tests.Npm;

/// <summary>The MCP Inspector's CLI mode (@modelcontextprotocol/inspector) against a real host.</summary>
public sealed class InspectorCliTests : IAsyncLifetime
{
    private EntityHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EntityHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("http", "")]
    [InlineData("sse", "/sse")]
    public async Task Inspector_ListsAndCallsToolsAndGetsPrompt(string transport, string suffix)
    {
        var (entity, key) = await _host.CreateEntityAsync("Ada", e => e with { Persona = "Be brief." });
        var url = _host.EntityUrl(entity.Id, suffix).ToString();

        var list = await NodeRunner.InspectAsync(url, transport, key, "--method", "tools/list");
        var call = await NodeRunner.InspectAsync(url, transport, key, "--method", "tools/call", "--tool-name", "add", "--tool-arg", "a=20", "b=22");
        var prompt = await NodeRunner.InspectAsync(url, transport, key, "--method", "prompts/get", "--prompt-name", "persona");

        Assert.Contains("\"whoami\"", list, StringComparison.Ordinal);
        Assert.Contains("\"readOnlyHint\": true", list, StringComparison.Ordinal);
        Assert.Contains("\"42\"", call, StringComparison.Ordinal);
        Assert.Contains("Be brief.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspector_WrongKey_FailsWithoutListing()
    {
        var (entity, _) = await _host.CreateEntityAsync("Ada");

        var (exit, output, _) = await NodeRunner.RunAsync(
            [NodeRunner.Bin("@modelcontextprotocol/inspector", "clients", "launcher", "build", "index.js"), "--cli", _host.EntityUrl(entity.Id).ToString(), "--transport", "http", "--header", "Authorization: Bearer mcpk_wrongwrongwr_" + new string('A', 43), "--method", "tools/list"],
            TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("whoami", output, StringComparison.Ordinal);
    }
}
