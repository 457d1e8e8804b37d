using System.Text.Json;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Tests.Serialization;

public sealed class DiscordJsonTests
{
    [Fact]
    public void Snowflakes_AreStringsOnTheWire_AndReadFromStringsOrNumbers()
    {
        var user = JsonSerializer.Deserialize<User>("""{"id":"18446744073709551615","username":"max","member":null,"unknown_field":{"x":1}}""", DiscordJson.Options)!;
        Assert.Equal(ulong.MaxValue, user.Id);
        var fromNumber = JsonSerializer.Deserialize<Channel>("""{"id":42,"type":11,"parent_id":"7"}""", DiscordJson.Options)!;
        Assert.Equal(42UL, fromNumber.Id);
        Assert.Equal(7UL, fromNumber.ParentId);
        Assert.True(fromNumber.Type.IsThread());

        var json = JsonSerializer.Serialize(new Channel { Id = 9007199254740993, Type = ChannelType.GuildText, ParentId = 5 }, DiscordJson.Options);
        Assert.Contains("\"id\":\"9007199254740993\"", json, StringComparison.Ordinal);
        Assert.Contains("\"parent_id\":\"5\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("guild_id", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferencedMessage_AbsentNullAndPresent_AreTold()
    {
        var plain = JsonSerializer.Deserialize<Message>("""{"id":"1","channel_id":"2","content":"hi","timestamp":"2024-01-01T00:00:00.000000+00:00"}""", DiscordJson.Options)!;
        var deleted = JsonSerializer.Deserialize<Message>("""{"id":"1","channel_id":"2","content":"hi","referenced_message":null}""", DiscordJson.Options)!;
        var reply = JsonSerializer.Deserialize<Message>("""{"id":"1","channel_id":"2","content":"hi","referenced_message":{"id":"3","channel_id":"2","content":"q"}}""", DiscordJson.Options)!;
        Assert.False(plain.ReferencedMessage.HasValue);
        Assert.True(deleted.ReferencedMessage.HasValue);
        Assert.Null(deleted.ReferencedMessage.Value);
        Assert.Equal("q", reply.ReferencedMessage.Value!.Content);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), plain.Timestamp);
    }

    [Fact]
    public void EditRequest_WritesOnlyPresentFields_IncludingNull()
    {
        var json = JsonSerializer.Serialize(new EditWebhookMessageRequest { Content = "new", Embeds = Optional<IReadOnlyList<Embed>?>.FromValue(null) }, DiscordJson.Options);
        Assert.Equal("""{"content":"new","embeds":null}""", json);
        Assert.Equal("{}", JsonSerializer.Serialize(new EditWebhookMessageRequest(), DiscordJson.Options));
    }

    [Fact]
    public void Nonce_NumberOrString_ReadsAsString()
    {
        Assert.Equal("123", JsonSerializer.Deserialize<Message>("""{"id":"1","channel_id":"2","nonce":123}""", DiscordJson.Options)!.Nonce);
        Assert.Equal("abc", JsonSerializer.Deserialize<Message>("""{"id":"1","channel_id":"2","nonce":"abc"}""", DiscordJson.Options)!.Nonce);
    }

    [Fact]
    public void Permissions_AreDecimalStrings_ExceptWhereTheSpecWantsIntegers()
    {
        var role = JsonSerializer.Deserialize<Role>("""{"id":"1","name":"r","permissions":"536870912"}""", DiscordJson.Options)!;
        Assert.Equal(DiscordPermissions.ManageWebhooks, role.Permissions);
        Assert.Contains("\"permissions\":\"536870912\"", JsonSerializer.Serialize(role, DiscordJson.Options), StringComparison.Ordinal);
        var command = JsonSerializer.Serialize<IReadOnlyList<ApplicationCommandDefinition>>([new ApplicationCommandDefinition { Name = "x", DefaultMemberPermissions = DiscordPermissions.ManageGuild }], DiscordJson.Options);
        Assert.Contains("\"default_member_permissions\":32", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Snowflake_NotANumber_FailsClearly()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<User>("""{"id":"abc","username":"x"}""", DiscordJson.Options));
        Assert.Contains("snowflake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscordSnowflake_TimestampRoundTrips()
    {
        var time = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(time, DiscordSnowflake.GetTimestamp(DiscordSnowflake.FromTimestamp(time)));
        Assert.Equal(new DateTimeOffset(2016, 4, 30, 11, 18, 25, 796, TimeSpan.Zero), DiscordSnowflake.GetTimestamp(175928847299117063));
    }
}
