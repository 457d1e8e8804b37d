using MCPilot.Entities;
using MCPilot.Host.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Cli;

public sealed class KeyCommandsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Create_ShowsTheKeyOnce_ItAuthenticates_AndListNeverShowsIt()
    {
        var entity = (await Run("entities", "create", "Ada", "--json")).Json().GetProperty("id").GetString()!;

        var issued = (await Run("keys", "create", "Ada", "--label", "claude desktop", "--json")).Json();

        var key = issued.GetProperty("key").GetString()!;
        Assert.StartsWith("mcpk_", key, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:5180/mcp/{entity}", issued.GetProperty("mcpUrl").GetString());
        Assert.Equal("claude desktop", issued.GetProperty("credential").GetProperty("label").GetString());
        Assert.NotNull(await AuthenticateAsync(key, EntityId.Parse(entity)));
        var listed = (await Run("keys", "list", "Ada", "--json")).Succeeded();
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, (await Run("keys", "list", "Ada")).Output, StringComparison.Ordinal);
        Assert.Equal("active", listed.Json()[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_Text_SaysItIsShownOnceAndHowToSendIt()
    {
        await Run("entities", "create", "Ada");

        var run = (await Run("keys", "create", "Ada")).Succeeded();

        Assert.Contains("shown once", run.Output, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Expiry_DurationOrDate_AndBadOnesFail()
    {
        await Run("entities", "create", "Ada");

        var inThirtyDays = (await Run("keys", "create", "Ada", "--expires", "30d", "--json")).Json().GetProperty("credential").GetProperty("expiresAt").GetDateTimeOffset();
        var dated = (await Run("keys", "create", "Ada", "--expires", "2099-01-31", "--json")).Json().GetProperty("credential").GetProperty("expiresAt").GetDateTimeOffset();

        Assert.InRange(inThirtyDays - DateTimeOffset.UtcNow, TimeSpan.FromDays(29), TimeSpan.FromDays(31));
        Assert.Equal(new DateTimeOffset(2099, 1, 31, 0, 0, 0, TimeSpan.Zero), dated);
        (await Run("keys", "create", "Ada", "--expires", "soon")).Failed("--expires 'soon'", "30d");
        (await Run("keys", "create", "Ada", "--expires", "2001-01-01")).Failed("expiry must be in the future");
        (await Run("keys", "create", "Ada", "--label", new string('x', 101))).Failed("at most 100 characters");
        (await Run("keys", "create", "Nobody")).Failed("No entity is named 'Nobody'");
    }

    [Fact]
    public async Task Revoke_ByLookupId_KeyStopsWorkingAndRevokingAgainSaysSo()
    {
        var entity = EntityId.Parse((await Run("entities", "create", "Ada", "--json")).Json().GetProperty("id").GetString()!);
        var issued = (await Run("keys", "create", "Ada", "--json")).Json();
        var lookup = issued.GetProperty("credential").GetProperty("lookupId").GetString()!;

        var revoked = (await Run("keys", "revoke", "Ada", lookup, "--json")).Json();

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Null(await AuthenticateAsync(issued.GetProperty("key").GetString()!, entity));
        Assert.Equal("revoked", (await Run("keys", "list", "Ada", "--json")).Json()[0].GetProperty("status").GetString());
        (await Run("keys", "revoke", "Ada", lookup)).Failed("already revoked");
    }

    [Fact]
    public async Task Revoke_UnknownKey_FailsSayingHowToList()
    {
        await Run("entities", "create", "Ada");

        (await Run("keys", "revoke", "Ada", "nope")).Failed("has no key 'nope'", "keys list");
    }

    [Fact]
    public async Task Rotate_ById_NewKeyWithSameLabelAndOldRevoked()
    {
        var entity = EntityId.Parse((await Run("entities", "create", "Ada", "--json")).Json().GetProperty("id").GetString()!);
        var old = (await Run("keys", "create", "Ada", "--label", "ci", "--json")).Json();

        var rotated = (await Run("keys", "rotate", "Ada", old.GetProperty("credential").GetProperty("id").GetString()!, "--json")).Json();

        Assert.Equal("ci", rotated.GetProperty("credential").GetProperty("label").GetString());
        Assert.NotNull(await AuthenticateAsync(rotated.GetProperty("key").GetString()!, entity));
        Assert.Null(await AuthenticateAsync(old.GetProperty("key").GetString()!, entity));
    }

    [Fact]
    public async Task List_NoKeys_SaysHowToIssueOne()
    {
        await Run("entities", "create", "Ada");

        Assert.Contains("keys create", (await Run("keys", "list", "Ada")).Succeeded().Output, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);

    private async Task<EntityCredential?> AuthenticateAsync(string key, EntityId entity)
    {
        var parse = HostCommandLine.Build().Parse(["status", "--data-dir", _data.Path]);
        await using var session = CliSession.Open(parse, new CliOutput(TextWriter.Null, TextWriter.Null, json: false));
        return await session.Services.GetRequiredService<EntityKeys>().AuthenticateAsync(key, entity, TestContext.Current.CancellationToken);
    }
}
