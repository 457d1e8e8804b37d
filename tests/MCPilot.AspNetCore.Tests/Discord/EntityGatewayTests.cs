using MCPilot.Discord.Gateway.Cache;
using MCPilot.Entities;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.AspNetCore.Tests.Discord;

/// <summary>
/// End to end through MCPilot's real Gateway client: FakeDiscord's Gateway carries MESSAGE_CREATE to
/// the host, the entity router delivers it, and an MCP client reads it with the feed tools.
/// </summary>
public sealed class EntityGatewayTests : DiscordHostTests
{
    public override async ValueTask InitializeAsync()
    {
        Discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RateLimits = FakeDiscordRateLimits.Faster(20) }, Token);
        Demo = Discord.State.SeedDemo();
        Host = await EntityHost.StartAsync(discord: Discord, gateway: true);
        var cache = Host.Services.GetRequiredService<IDiscordCache>();
        for (var i = 0; i < 400 && cache.GetGuild(Demo.Guild.Id) is null; i++)
        {
            await Task.Delay(25, Token);
        }

        Assert.NotNull(cache.GetGuild(Demo.Guild.Id));
    }

    [Fact]
    public async Task Gateway_HumanMessagesInChannelAndThread_ReachTheEntitysFeed()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada", e => e with { Guilds = [new(Demo.Guild.Id, new ChannelPolicy { Allow = new HashSet<ulong> { Demo.General.Id } })] });
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);

        Discord.State.PostUserMessage(Demo.Random.Id, Demo.Alice.Id, "not for Ada's channels");
        Discord.State.PostUserMessage(Demo.Thread.Id, Demo.Bob.Id, "Ada, in the thread!");
        var text = await EntityDiscordEndpointTests.CallAsync(client, "wait_for_messages", new() { ["timeout_seconds"] = 30 });

        Assert.Contains($"Bob (user {Demo.Bob.Id}) in thread \"entities-chat\" (thread {Demo.Thread.Id} of channel {Demo.General.Id}) — names you: Ada, in the thread!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not for Ada", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_OwnPostNotEchoedButReplyAndDmReachTheEntity()
    {
        var (ada, key) = await Host.CreateEntityAsync("Ada");
        await using var client = await McpClients.ConnectAsync(Host.EntityUrl(ada.Id), key);
        await EntityDiscordEndpointTests.CallAsync(client, "send_message", new() { ["channel"] = EntityDiscordEndpointTests.Id(Demo.General.Id), ["content"] = "Anyone up for chess?" });
        await EntityDiscordEndpointTests.CallAsync(client, "send_dm", new() { ["user"] = EntityDiscordEndpointTests.Id(Demo.Alice.Id), ["content"] = "Psst, Alice." });
        var post = Discord.State.GetMessages(Demo.General.Id).Single();
        var dm = Discord.State.GetMessages(Discord.State.GetDmChannel(Demo.Alice.Id)!.Id).Single();

        Discord.State.PostUserMessage(Demo.General.Id, Demo.Bob.Id, "Me!", replyTo: post.Id);
        Discord.State.PostUserMessage(dm.ChannelId, Demo.Alice.Id, "What is it?", replyTo: dm.Id);
        var mentions = await EntityDiscordEndpointTests.CallAsync(client, "wait_for_messages", new() { ["timeout_seconds"] = 30, ["mentions_only"] = true });
        var rest = mentions.Contains("What is it?", StringComparison.Ordinal) ? mentions : mentions + await EntityDiscordEndpointTests.CallAsync(client, "wait_for_messages", new() { ["timeout_seconds"] = 30 });

        Assert.Contains("replies to you: Me!", rest, StringComparison.Ordinal);
        Assert.Contains("What is it?", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("Anyone up for chess?", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("Psst", rest, StringComparison.Ordinal);
    }
}
