using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    [Fact]
    public async Task Start_FakeDiscord_ReadyGuildCreateThenMessagesThenStop()
    {
        await using var h = await GatewayHarness.StartAsync();
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var ready = await h.WaitForAsync<ReadyEvent>();
        Assert.Equal(1, ready.Sequence);
        Assert.Equal(h.State.BotUser.Id, ready.User.Id);
        var guild = await h.WaitForAsync<GuildCreateEvent>();
        Assert.Equal(2, guild.Sequence);
        Assert.Equal(h.Demo!.Guild.Id, guild.Guild.Id);

        var posted = h.State.PostUserMessage(h.Demo.Thread.Id, h.Demo.Alice.Id, "hello from a thread");
        var message = await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == posted.Id);
        Assert.Equal("hello from a thread", message.Message.Content);
        Assert.Equal(h.Demo.General.Id, message.ParentChannelId);
        Assert.Equal(h.Demo.Guild.Id, message.Message.GuildId);

        var cache = h.Services.GetRequiredService<IDiscordCache>();
        Assert.Equal(h.Demo.General.Id, cache.GetChannel(h.Demo.Thread.Id)!.ParentId);
        Assert.Contains(cache.GetThreads(h.Demo.General.Id), t => t.Id == h.Demo.Thread.Id);

        await GatewayHarness.WaitUntilAsync(() => h.Client.Shards[0].Latency is not null, "a heartbeat is acknowledged");
        var shard = Assert.Single(h.Client.Shards);
        Assert.Equal(ShardState.Ready, shard.State);
        Assert.Equal(1, shard.Identifies);

        await h.Client.StopAsync(TestContext.Current.CancellationToken);
        await GatewayHarness.WaitUntilAsync(() => h.Subscription.Reader.Completion.IsCompleted, "the subscription completes");
        Assert.Equal(ShardState.Stopped, h.Client.Shards[0].State);
    }
}
