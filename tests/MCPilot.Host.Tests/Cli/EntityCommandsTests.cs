using System.Text.Json;

namespace MCPilot.Host.Tests.Cli;

public sealed class EntityCommandsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Create_Valid_PrintsEntityWithMcpUrlAndListShowsIt()
    {
        var created = (await Run("entities", "create", "Ada", "--guild", "111", "--description", "The first", "--json")).Json();

        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("Ada", created.GetProperty("name").GetString());
        Assert.Equal("111", created.GetProperty("guilds")[0].GetProperty("guildId").GetString());
        Assert.Equal($"http://127.0.0.1:5180/mcp/{id}", created.GetProperty("mcpUrl").GetString());
        Assert.Equal(0, created.GetProperty("activeKeys").GetInt32());
        var listed = (await Run("entities", "list", "--json")).Json();
        Assert.Equal([id], listed.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Create_PublicBaseUrlWithAPath_McpUrlKeepsThePath()
    {
        var created = (await Run("entities", "create", "Ada", "--json", "--set", "MCPilot:PublicBaseUrl=https://bot.example.com/discord")).Json();

        Assert.Equal($"https://bot.example.com/discord/mcp/{created.GetProperty("id").GetString()}", created.GetProperty("mcpUrl").GetString());
    }

    [Fact]
    public async Task Create_Text_SaysHowToIssueAKey()
    {
        var run = (await Run("entities", "create", "Ada")).Succeeded();

        Assert.Contains("Created entity Ada", run.Output, StringComparison.Ordinal);
        Assert.Contains("keys create", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ForbiddenName_FailsWithTheRuleAndStoresNothing()
    {
        (await Run("entities", "create", "clyde")).Failed("error:", "\"clyde\"");

        Assert.Equal(0, (await Run("entities", "list", "--json")).Json().GetArrayLength());
    }

    [Fact]
    public async Task Create_NameTakenInTheGuild_FailsNamingTheHolder()
    {
        await Run("entities", "create", "Ada", "--guild", "111");

        (await Run("entities", "create", "ada", "--guild", "111")).Failed("is taken in guild 111");
    }

    [Fact]
    public async Task Create_BadGuildId_FailsSayingHowToCopyIt()
    {
        (await Run("entities", "create", "Ada", "--guild", "general")).Failed("'general' is not a server id", "Copy Server ID");
    }

    [Fact]
    public async Task List_Empty_SaysHowToCreate()
    {
        var run = (await Run("entities", "list")).Succeeded();

        Assert.Contains("entities create", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Table_HasHeaderAndOneRowPerEntity()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("entities", "create", "Grace", "--description", "second");

        var lines = (await Run("entities", "list")).Succeeded().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains("NAME", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Ada", lines[1], StringComparison.Ordinal);
        Assert.Contains("second", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_GuildFilter_OnlyThatGuildsEntities()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("entities", "create", "Grace", "--guild", "222");

        var listed = (await Run("entities", "list", "--guild", "222", "--json")).Json();

        Assert.Equal(["Grace"], listed.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Show_ByNameCaseInsensitive_ShowsPolicyAndKeys()
    {
        await Run("entities", "create", "Ada", "--guild", "111");

        var run = (await Run("entities", "show", "ADA")).Succeeded();

        Assert.Contains("111: every channel", run.Output, StringComparison.Ordinal);
        Assert.Contains("Active keys: 0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Unknown_FailsSayingHowToList()
    {
        (await Run("entities", "show", "Nobody")).Failed("No entity is named 'Nobody'", "entities list");
        (await Run("entities", "show", "0123456789abcdef0123456789abcdef")).Failed("No entity has the id");
    }

    [Fact]
    public async Task Show_NameInTwoGuilds_AsksForTheId()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("entities", "create", "Ada", "--guild", "222");

        (await Run("entities", "show", "Ada")).Failed("2 entities are named 'Ada'", "Give the id");
    }

    [Fact]
    public async Task Update_GivenOptions_ChangeOnlyThose()
    {
        var persona = _data.File("persona.txt");
        await File.WriteAllTextAsync(persona, "You are Ada.", TestContext.Current.CancellationToken);
        await Run("entities", "create", "Ada", "--guild", "111", "--description", "kept", "--block", "spam", "--block", "scam");

        var updated = (await Run("entities", "update", "Ada", "--name", "Ada Lovelace", "--persona-file", persona, "--tools", "whoami,send_message",
            "--sends-per-minute", "5", "--burst", "2", "--add-guild", "222", "--remove-guild", "111", "--unblock", "SPAM", "--owner", "42", "--json")).Json();

        Assert.Equal("Ada Lovelace", updated.GetProperty("name").GetString());
        Assert.Equal("kept", updated.GetProperty("description").GetString());
        Assert.Equal("You are Ada.", updated.GetProperty("persona").GetString());
        Assert.Equal(["send_message", "whoami"], updated.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(5, updated.GetProperty("sendsPerMinute").GetInt32());
        Assert.Equal(2, updated.GetProperty("burst").GetInt32());
        Assert.Equal(["222"], updated.GetProperty("guilds").EnumerateArray().Select(g => g.GetProperty("guildId").GetString()));
        Assert.Equal(["scam"], updated.GetProperty("blockedPhrases").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("42", updated.GetProperty("ownerUserId").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Update_EmptyValues_ClearFields()
    {
        await Run("entities", "create", "Ada", "--description", "old", "--owner", "42", "--tools", "whoami");

        var updated = (await Run("entities", "update", "Ada", "--description", "", "--owner", "none", "--tools", "all", "--json")).Json();

        Assert.Equal(JsonValueKind.Null, updated.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("ownerUserId").ValueKind);
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("tools").ValueKind);
    }

    [Fact]
    public async Task Update_Errors_NameWhatToFix()
    {
        await Run("entities", "create", "Ada", "--guild", "111");

        (await Run("entities", "update", "Ada")).Failed("Nothing to change");
        (await Run("entities", "update", "Ada", "--remove-guild", "999")).Failed("not in server 999");
        (await Run("entities", "update", "Ada", "--persona-file", _data.File("missing.txt"))).Failed("--persona-file", "cannot be read");
        (await Run("entities", "update", "Ada", "--avatar-url", "ada.png")).Failed("--avatar-url 'ada.png' is not an absolute URL");
        (await Run("entities", "update", "Ada", "--avatar-url", "ftp://example.com/a.png")).Failed("AvatarUrl must be an absolute https URL");
        (await Run("entities", "update", "Ada", "--avatar-file", _data.File("missing.png"))).Failed("--avatar-file", "cannot be read");
        (await Run("entities", "update", "Ada", "--sends-per-minute", "0")).Failed("SendsPerMinute");
    }

    [Fact]
    public async Task Delete_WithoutYes_RefusesAndKeepsTheEntity()
    {
        await Run("entities", "create", "Ada");

        (await Run("entities", "delete", "Ada")).Failed("--yes");

        Assert.Equal(1, (await Run("entities", "list", "--json")).Json().GetArrayLength());
    }

    [Fact]
    public async Task Delete_WithYes_RemovesTheEntityAndItsKeys()
    {
        await Run("entities", "create", "Ada");
        await Run("keys", "create", "Ada");

        var deleted = (await Run("entities", "delete", "Ada", "--yes", "--json")).Json();

        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(0, (await Run("entities", "list", "--json")).Json().GetArrayLength());
        (await Run("keys", "list", "Ada")).Failed("No entity is named 'Ada'");
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);
}
