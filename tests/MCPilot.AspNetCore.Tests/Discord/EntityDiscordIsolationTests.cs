using MCPilot.Tests.Fakes;
using System.Net;
using MCPilot.Activity;
using MCPilot.AspNetCore.Tests.Http;
using MCPilot.Entities;
using ModelContextProtocol.Client;
using static MCPilot.AspNetCore.Tests.Discord.EntityDiscordEndpointTests;

namespace MCPilot.AspNetCore.Tests.Discord;

/// <summary>
/// Two entities on one bot, each with its own channel: keys, channels, feeds and DMs never cross,
/// and every attempt of one to reach the other's is denied (and audited as such).
/// </summary>
public sealed class EntityDiscordIsolationTests : DiscordHostTests
{
    private Entity _ada = null!;
    private Entity _cyd = null!;
    private McpClient _adaClient = null!;
    private McpClient _cydClient = null!;
    private string _adaKey = null!;
    private string _cydKey = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_ada, _adaKey) = await Host.CreateEntityAsync("Ada", e => e with { Guilds = [new(Demo.Guild.Id, new ChannelPolicy { Allow = new HashSet<ulong> { Demo.General.Id } })] });
        (_cyd, _cydKey) = await Host.CreateEntityAsync("Cyd", e => e with { Guilds = [new(Demo.Guild.Id, new ChannelPolicy { Allow = new HashSet<ulong> { Demo.Random.Id } })] });
        _adaClient = await McpClients.ConnectAsync(Host.EntityUrl(_ada.Id), _adaKey);
        _cydClient = await McpClients.ConnectAsync(Host.EntityUrl(_cyd.Id), _cydKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await _adaClient.DisposeAsync();
        await _cydClient.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Channels_EachSeesOnlyItsOwnAndEveryCrossingIsDenied()
    {
        var random = Id(Demo.Random.Id);
        var cydsMessage = await CallAsync(_cydClient, "send_message", new() { ["channel"] = random, ["content"] = "Cyd's corner." });
        var messageId = Id(Discord.State.GetMessages(Demo.Random.Id).Single().Id);

        var adaChannels = await CallAsync(_adaClient, "list_channels", []);
        var attempts = new[]
        {
            await ErrorAsync(_adaClient, "send_message", new() { ["channel"] = random, ["content"] = "intrusion" }),
            await ErrorAsync(_adaClient, "read_messages", new() { ["channel"] = random }),
            await ErrorAsync(_adaClient, "add_reaction", new() { ["channel"] = random, ["message"] = messageId, ["emoji"] = "👀" }),
        };

        Assert.StartsWith("Posted as Cyd", cydsMessage, StringComparison.Ordinal);
        Assert.Contains($"channel {Demo.General.Id}", adaChannels, StringComparison.Ordinal);
        Assert.DoesNotContain(random, adaChannels, StringComparison.Ordinal);
        Assert.All(attempts, a => Assert.Contains($"Ada may not use channel {random}", a, StringComparison.Ordinal));
        Assert.Equal(["Cyd's corner."], Discord.State.GetMessages(Demo.Random.Id).Select(m => m.Content));
        Assert.Empty(Discord.State.GetMessages(Demo.Random.Id).Single().Reactions);
        Assert.Equal(3, Host.Audit.Records().Count(r => r.EntityId == _ada.Id && r.Outcome == ToolCallOutcome.Denied));
    }

    [Fact]
    public async Task Feeds_MessageInOnesChannel_NeverReachesTheOther()
    {
        var adaWaits = CallAsync(_adaClient, "wait_for_messages", new() { ["timeout_seconds"] = 30 });
        Discord.State.PostUserMessage(Demo.Random.Id, Demo.Alice.Id, "Only for Cyd's channel (even if it names Ada).");
        Discord.State.PostUserMessage(Demo.General.Id, Demo.Alice.Id, "For Ada's channel.");

        var ada = await adaWaits;
        var cyd = await CallAsync(_cydClient, "wait_for_messages", new() { ["timeout_seconds"] = 30 });

        Assert.Contains("For Ada's channel.", ada, StringComparison.Ordinal);
        Assert.DoesNotContain("Only for Cyd", ada, StringComparison.Ordinal);
        Assert.Contains("Only for Cyd's channel", cyd, StringComparison.Ordinal);
        Assert.DoesNotContain("For Ada's channel.", cyd, StringComparison.Ordinal);
        Assert.Equal("No unread mentions.", (await CallAsync(_adaClient, "get_mentions", [])).Trim());
    }

    [Fact]
    public async Task Dms_RepliesReachOnlyTheEntityThatWrote()
    {
        await Host.DmRoutes.SetActiveEntityAsync(Demo.Bob.Id, _ada.Id, Token);
        await CallAsync(_cydClient, "send_dm", new() { ["user"] = Id(Demo.Alice.Id), ["content"] = "Cyd here: how are you?" });
        var dmChannel = Discord.State.GetDmChannel(Demo.Alice.Id)!;
        var cydsDm = Discord.State.GetMessages(dmChannel.Id).Single();

        Discord.State.PostUserMessage(dmChannel.Id, Demo.Alice.Id, "Fine, thanks Cyd.", replyTo: cydsDm.Id);
        Discord.State.SendDirectMessage(Demo.Bob.Id, "Hello Ada, it's Bob.");
        var cyd = await CallAsync(_cydClient, "wait_for_messages", new() { ["timeout_seconds"] = 30 });
        var ada = await CallAsync(_adaClient, "wait_for_messages", new() { ["timeout_seconds"] = 30 });
        var readDmChannel = await ErrorAsync(_adaClient, "read_messages", new() { ["channel"] = Id(dmChannel.Id) });

        Assert.Contains("Fine, thanks Cyd.", cyd, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", cyd, StringComparison.Ordinal);
        Assert.Contains("Hello Ada, it's Bob.", ada, StringComparison.Ordinal);
        Assert.DoesNotContain("Fine, thanks", ada, StringComparison.Ordinal);
        Assert.StartsWith($"Channel {dmChannel.Id} is a direct-message channel", readDmChannel, StringComparison.Ordinal);
        Assert.StartsWith("No unread direct messages.", await CallAsync(_adaClient, "read_dms", []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_OnesKeyNeverOpensTheOther()
    {
        using var http = Host.Client();

        using var crossed = await http.SendAsync(RawHttp.Post(Host.EntityUrl(_cyd.Id), RawHttp.Initialize, _adaKey), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
    }
}
