namespace MCPilot.Host.Tests.Cli;

public sealed class ChannelCommandsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Allow_Channels_EntityUsesOnlyThose_AndDenyWins()
    {
        await Run("entities", "create", "Ada", "--guild", "111");

        var allowed = (await Run("channels", "allow", "Ada", "10", "<#20>", "--json")).Json();
        var denied = (await Run("channels", "deny", "Ada", "20", "30", "--json")).Json();

        Assert.Equal(["10", "20"], allowed.GetProperty("allow").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["10", "20"], denied.GetProperty("allow").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["20", "30"], denied.GetProperty("deny").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("only 10, 20 except 20, 30", (await Run("channels", "list", "Ada")).Succeeded().Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_ADeniedChannel_LiftsTheDeny()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("channels", "deny", "Ada", "10");

        var policy = (await Run("channels", "allow", "Ada", "10", "--json")).Json();

        Assert.Equal(0, policy.GetProperty("deny").GetArrayLength());
        Assert.Equal(["10"], policy.GetProperty("allow").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Allow_NewGuild_JoinsIt()
    {
        await Run("entities", "create", "Ada");

        var run = (await Run("channels", "allow", "Ada", "10", "--guild", "222")).Succeeded();

        Assert.Contains("Ada in server 222 may use only 10.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_All_EmptiesTheAllowListAndKeepsDenies()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("channels", "allow", "Ada", "10");
        await Run("channels", "deny", "Ada", "30");

        var run = (await Run("channels", "allow", "Ada", "--all")).Succeeded();

        Assert.Contains("every channel except 30", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_FromDenyAndAllowLists()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("channels", "allow", "Ada", "10", "20");
        await Run("channels", "deny", "Ada", "30");

        await Run("channels", "deny", "Ada", "30", "--remove");
        var policy = (await Run("channels", "allow", "Ada", "20", "--remove", "--json")).Json();

        Assert.Equal(["10"], policy.GetProperty("allow").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, policy.GetProperty("deny").GetArrayLength());
    }

    [Fact]
    public async Task Remove_TheLastAllowedChannel_RefusedBecauseItWouldAllowEveryChannel()
    {
        await Run("entities", "create", "Ada", "--guild", "111");
        await Run("channels", "allow", "Ada", "10");

        (await Run("channels", "allow", "Ada", "10", "--remove")).Failed("empty allow-list allows every channel", "--remove-guild 111");

        Assert.Contains("only 10", (await Run("channels", "list", "Ada")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_NameWhatToFix()
    {
        await Run("entities", "create", "Ada", "--guild", "111", "--guild", "222");
        await Run("entities", "create", "Grace");

        (await Run("channels", "allow", "Ada", "10")).Failed("is in 2 servers (111, 222)", "--guild");
        (await Run("channels", "allow", "Grace", "10")).Failed("is in no server yet", "--guild");
        (await Run("channels", "deny", "Ada", "10", "--guild", "333")).Failed("not in server 333", "channels allow");
        (await Run("channels", "allow", "Ada", "general", "--guild", "111")).Failed("'general' is not a channel id", "Copy Channel ID");
        (await Run("channels", "allow", "Ada", "--guild", "111")).Failed("Give channel ids");
        (await Run("channels", "allow", "Ada", "10", "--all", "--guild", "111")).Failed("not both");
        (await Run("channels", "deny", "Ada", "--guild", "111")).Failed("Give the ids of the channels to deny");
    }

    [Fact]
    public async Task List_NoServer_SaysHowToAllowChannels()
    {
        await Run("entities", "create", "Ada");

        Assert.Contains("channels allow", (await Run("channels", "list", "Ada")).Succeeded().Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("channels", "list", "Ada", "--json")).Json().GetArrayLength());
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_data.Path, args);
}
