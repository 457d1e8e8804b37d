using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Tests.Rest;

public sealed class DiscordRouteTests
{
    [Fact]
    public void Create_ChannelRoute_KeepsChannelAsMajorParameter()
    {
        var route = DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}/messages/{message_id}", 123UL, 456UL);
        Assert.Equal("channels/123/messages/456", route.Path);
        Assert.Equal("123", route.MajorParameter);
        Assert.Equal("GET /channels/{channel_id}/messages/{message_id}", route.BucketRoute);
        Assert.True(route.BotAuth);
        Assert.False(route.GlobalExempt);
    }

    [Fact]
    public void Create_WebhookTokenRoute_NeedsNoBotTokenAndEscapesTheToken()
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", 9UL, "a/b+c");
        Assert.Equal("webhooks/9/a%2Fb%2Bc", route.Path);
        Assert.Equal("9/a%2Fb%2Bc", route.MajorParameter);
        Assert.False(route.BotAuth);
        Assert.DoesNotContain("a%2F", route.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InteractionRoutes_AreExemptFromTheGlobalLimit()
    {
        var callback = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", 5UL, "tok");
        var followup = DiscordRoute.Create(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", 7UL, "tok");
        Assert.True(callback.GlobalExempt && followup.GlobalExempt);
        Assert.False(callback.BotAuth || followup.BotAuth);
        Assert.Equal("5", callback.MajorParameter);
    }

    [Fact]
    public void Create_ReactionEmoji_IsPercentEncodedOnce()
    {
        var route = DiscordRoute.Create(HttpMethod.Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", 1UL, 2UL, new DiscordRoute.PreEscaped(ReactionEmoji.Parse("👍").ToRouteSegment()));
        Assert.Equal("channels/1/messages/2/reactions/%F0%9F%91%8D/@me", route.Path);
        var custom = DiscordRoute.Create(HttpMethod.Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", 1UL, 2UL, new DiscordRoute.PreEscaped(ReactionEmoji.Parse("<a:party:99>").ToRouteSegment()));
        Assert.Equal("channels/1/messages/2/reactions/party%3A99/@me", custom.Path);
    }

    [Fact]
    public void Create_TooManyValues_Throws() => Assert.Throws<ArgumentException>(() => DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}", 1UL, 2UL));

    [Fact]
    public void Create_TooFewValues_ThrowsNamingTheRouteAndTheCount()
    {
        var error = Assert.Throws<ArgumentException>(() => DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}/messages/{message_id}", 1UL));
        Assert.Contains("GET /channels/{channel_id}/messages/{message_id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("takes 2 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 1", error.Message, StringComparison.Ordinal);
    }
}
