using MCPilot.Discord.Gateway;
using MCPilot.Host.Cli;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Tests.Discord;

/// <summary>
/// The host with a token, against FakeDiscord standing in for real Discord (its own server, on its
/// own port, with its own token and Developer Portal settings): it connects, registers its
/// commands and serves; a wrong token or a privileged intent not enabled stops it with what to do.
/// </summary>
public sealed class DiscordModeTests : IDisposable
{
    private static readonly string MasterSecret = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Start_WithToken_ConnectsRegistersTheCommandsAndAnswersThem()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var world = discord.State.SeedDemo();

        await using var host = await InProcessHost.StartAsync(_data.Path, Settings(discord, discord.BotToken));
        await host.WaitReadyAsync();

        await Eventually.WaitAsync(() => discord.State.GetCommands().Count == 4, "the commands to be registered");
        Assert.Equal(["entities", "leaderboard", "status", "talk"], discord.State.GetCommands().Select(c => c.Name).Order());
        var session = Assert.Single(discord.Gateway.Sessions);
        var intents = (GatewayIntents)session.Intents;
        Assert.True(intents.HasFlag(GatewayIntents.MessageContent | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | GatewayIntents.GuildMessageReactions), intents.ToString());
        Assert.Contains("Invite it to a server (with its slash commands): https://discord.com/oauth2/authorize?client_id=", host.Console.ToString(), StringComparison.Ordinal);

        var interaction = discord.State.CreateInteraction(world.General.Id, world.Bob.Id, "entities");
        var answered = await Eventually.WaitAsync(() => discord.State.GetInteraction(interaction.Id) is { OriginalMessageId: { } id } ? discord.State.GetMessage(id) : null, "the answer to /entities");
        Assert.StartsWith("No AI entities are in this server yet.", answered.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WrongToken_StopsBeforeListeningWithWhatToDo()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var wrong = discord.BotToken[..^4] + "AAAA";

        var (exit, error) = await RunHostAsync(Settings(discord, wrong));

        Assert.Equal(CliAction.Failure, exit);
        Assert.StartsWith("The host did not start: Discord rejected the bot token (401 Unauthorized)", error, StringComparison.Ordinal);
        Assert.Contains("Reset Token", error, StringComparison.Ordinal);
        Assert.Contains("DISCORD_TOKEN", error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error, StringComparison.Ordinal);
        Assert.Empty(discord.Gateway.Sessions);
        Assert.False(File.Exists(_data.File("host.json")));
    }

    [Fact]
    public async Task Start_MessageContentIntentNotEnabled_StopsNamingTheIntentAndWhereToEnableIt()
    {
        var portal = new FakeDiscordOptions { Gateway = { EnabledPrivilegedIntents = FakePrivilegedIntents.None } };
        await using var discord = await FakeDiscordServer.StartAsync(portal, TestContext.Current.CancellationToken);

        var (exit, error) = await RunHostAsync(Settings(discord, discord.BotToken));

        Assert.Equal(CliAction.Failure, exit);
        Assert.StartsWith("The host stopped: Discord Gateway shard 0 stopped: 4014 disallowed intents: the MESSAGE_CONTENT intent is not enabled in the Developer Portal.", error, StringComparison.Ordinal);
        Assert.Contains("Privileged Gateway Intents", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("host.json")));
    }

    public void Dispose() => _data.Dispose();

    private static string[] Settings(FakeDiscordServer discord, string token) =>
    [
        $"--MCPilot:Discord:Token={token}",
        $"--MCPilot:Discord:ApiBaseUrl={discord.ApiBaseUrl}",
        $"--MCPilot:Vault:MasterSecret={MasterSecret}",
    ];

    private async Task<(int Exit, string Error)> RunHostAsync(string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HostCommandLine.RunAsync(["--data-dir", _data.Path, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", .. settings], output, error, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return (exit, error.ToString());
    }
}
