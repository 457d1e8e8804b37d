using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayEventDispatcherTests
{
    [Fact]
    public async Task MalformedEvents_AreLoggedAndPassedOnRaw_TheNextMessageIsStillDelivered()
    {
        var logs = new ListLoggerProvider();
        await using var h = await GatewayHarness.StartAsync(logging: logs);
        await h.WaitForAsync<GuildCreateEvent>();
        var guild = h.Demo!.Guild.Id;
        var cache = h.Services.GetRequiredService<IDiscordCache>();
        var roles = cache.GetRoles(guild).Count;

        // A role that is null, and data cut off in the middle of a string (not even JSON).
        Assert.Equal(1, h.Fake.Gateway.InjectDispatch("GUILD_ROLE_CREATE", $$"""{"guild_id":"{{guild}}","role":null}"""));
        Assert.Equal(1, h.Fake.Gateway.InjectDispatch("GUILD_ROLE_UPDATE", $$"""{"guild_id":"{{guild}}","role":{"id":"1","name":"cut"""));
        var posted = h.State.PostUserMessage(h.Demo.General.Id, h.Demo.Alice.Id, "still heard");

        var message = await h.WaitForAsync<MessageCreateEvent>(m => m.Message.Id == posted.Id);
        Assert.Equal("still heard", message.Message.Content);
        var created = Assert.Single(h.Events<UnknownGatewayEvent>(), e => e.Name == "GUILD_ROLE_CREATE");
        Assert.Contains("role", created.DecodeError, StringComparison.Ordinal);
        Assert.Equal($$"""{"guild_id":"{{guild}}","role":null}""", System.Text.Encoding.UTF8.GetString(created.Data.Span));
        var updated = Assert.Single(h.Events<UnknownGatewayEvent>(), e => e.Name == "GUILD_ROLE_UPDATE");
        Assert.NotNull(updated.DecodeError);
        Assert.StartsWith($$"""{"guild_id":"{{guild}}","role":{"id":"1","name":"cut""", System.Text.Encoding.UTF8.GetString(updated.Data.Span), StringComparison.Ordinal);
        Assert.Equal(message.Sequence - 2, created.Sequence);
        Assert.Equal(message.Sequence - 1, updated.Sequence);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"could not decode GUILD_ROLE_CREATE #{created.Sequence}", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"could not decode GUILD_ROLE_UPDATE #{updated.Sequence}", StringComparison.Ordinal));
        Assert.Equal(roles, cache.GetRoles(guild).Count);
        Assert.Null(h.Completion);
    }
}
