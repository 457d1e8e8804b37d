using MCPilot.Discord.Gateway;
using MCPilot.Discord.Rest;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests.Gateway;

/// <summary>Each fatal close code stops the client (and the application) with a message that names the cause and the fix.</summary>
public sealed class GatewayFatalTests
{
    public static TheoryData<int, string> FatalCodes => new()
    {
        { 4004, "the bot token is wrong or was reset" },
        { 4010, "invalid shard" },
        { 4011, "sharding required" },
        { 4012, "invalid API version" },
        { 4013, "Fix MCPilot:Discord:Gateway:Intents" },
        { 4014, "the MESSAGE_CONTENT intent is not enabled in the Developer Portal" },
    };

    [Theory]
    [MemberData(nameof(FatalCodes))]
    public async Task FatalCloseCode_StopsClientAndApplication_WithCause(int code, string cause)
    {
        var log = new ListLoggerProvider();
        var exitCode = Environment.ExitCode;
        try
        {
            await using var h = await GatewayHarness.StartAsync(logging: log);
            await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
            h.Fake.Gateway.Close(code);
            var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Client.Completion.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
            Assert.Equal(code, error.CloseCode);
            Assert.Contains(cause, error.Message, StringComparison.Ordinal);
            Assert.Equal(ShardState.Failed, h.Client.Shards[0].State);
            await GatewayHarness.WaitUntilAsync(() => h.Lifetime.StopRequested, "the application is asked to stop");
            Assert.Contains(log.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains(cause, StringComparison.Ordinal));
            Assert.Equal(1, Environment.ExitCode);
            await GatewayHarness.WaitUntilAsync(() => h.Completion is not null, "the subscription completes with the failure");
            Assert.IsType<GatewayFatalException>(h.Completion);
            Assert.Equal(1, h.Fake.Gateway.Connections);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task PrivilegedIntentNotEnabled_Closes4014_NamingMessageContent()
    {
        await using var h = await GatewayHarness.StartAsync(fake: o => o.Gateway.EnabledPrivilegedIntents = FakePrivilegedIntents.GuildMembers, gateway: o => o.StopApplicationOnFatalError = false);
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Client.Completion.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Equal(4014, error.CloseCode);
        Assert.Contains("the MESSAGE_CONTENT intent is not enabled in the Developer Portal", error.Message, StringComparison.Ordinal);
        Assert.Contains("Privileged Gateway Intents", error.Message, StringComparison.Ordinal);
        Assert.False(h.Lifetime.StopRequested);
        await Assert.ThrowsAsync<GatewayFatalException>(() => h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TooManyGuildsForOneShard_Closes4011_NamingShardCount()
    {
        await using var h = await GatewayHarness.StartAsync(fake: o => o.Gateway.MaxGuildsPerShard = 1, seed: s => s.State.CreateGuild("second"), gateway: o => o.StopApplicationOnFatalError = false);
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Client.Completion.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Equal(4011, error.CloseCode);
        Assert.Contains("MCPilot:Discord:Gateway:ShardCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_StopsApplication_WithWhatToDo()
    {
        var log = new ListLoggerProvider();
        var exitCode = Environment.ExitCode;
        try
        {
            await using var h = await GatewayHarness.StartAsync(token: "MTIz.wrong.token", logging: log);
            await GatewayHarness.WaitUntilAsync(() => h.Lifetime.StopRequested, "the application is asked to stop");
            var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Critical);
            Assert.Contains(DiscordAuthenticationException.Advice, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("MTIz.wrong.token", string.Join('\n', log.Entries.Select(e => e.Message)), StringComparison.Ordinal);
            Assert.Equal(0, h.Fake.Gateway.Connections);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }
}
