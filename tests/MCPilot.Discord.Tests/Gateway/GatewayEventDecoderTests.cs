using System.Text;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayEventDecoderTests
{
    internal static GatewayEvent Decode(string type, string json, long sequence = 7, int shard = 1)
        => GatewayEventDecoder.Decode(new GatewayDispatch(shard, sequence, type, Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch));

    [Fact]
    public void Decode_Envelope_IsCopiedOntoTheEvent()
    {
        var e = Decode("RESUMED", """{"_trace":["x"]}""", sequence: 42, shard: 3);
        var resumed = Assert.IsType<ResumedEvent>(e);
        Assert.Equal(("RESUMED", 42L, 3), (resumed.Name, resumed.Sequence, resumed.ShardId));
    }

    [Fact]
    public void Decode_MessageCreate_TypedWithGatewayExtras()
    {
        var e = Assert.IsType<MessageCreateEvent>(Decode("MESSAGE_CREATE", """
            {"id":"10","channel_id":"20","guild_id":"30","channel_type":11,"author":{"id":"40","username":"hook","bot":true},"webhook_id":"40",
             "content":"hi","timestamp":"2025-01-01T00:00:00.000000+00:00","mentions":[{"id":"50","username":"u","member":{"roles":["60"]}}],
             "mention_roles":[],"attachments":[],"embeds":[],"type":0,"flags":0,"tts":false,"mention_everyone":false,"pinned":false}
            """));
        Assert.Equal((10UL, 20UL, 30UL), (e.Message.Id, e.Message.ChannelId, e.Message.GuildId!.Value));
        Assert.Equal(ChannelType.PublicThread, e.Message.ChannelType);
        Assert.True(e.Message.IsWebhookMessage);
        Assert.Equal([60UL], e.Message.Mentions[0].Member!.Roles);
        Assert.False(e.IsDirectMessage);
    }

    [Fact]
    public void Decode_ReactionAdd_WithMemberAndUnicodeEmoji()
    {
        var e = Assert.IsType<MessageReactionAddEvent>(Decode("MESSAGE_REACTION_ADD", """
            {"user_id":"1","channel_id":"2","message_id":"3","guild_id":"4","member":{"roles":[],"user":{"id":"1","username":"a"}},"emoji":{"id":null,"name":"❓"},"message_author_id":"9","burst":false,"type":0}
            """));
        Assert.Equal((1UL, 2UL, 3UL, 4UL, 9UL), (e.UserId, e.ChannelId, e.MessageId, e.GuildId!.Value, e.MessageAuthorId!.Value));
        Assert.Equal("❓", e.Emoji.Name);
        Assert.Null(e.Emoji.Id);
        Assert.Equal(1UL, e.Member!.User!.Id);
    }

    [Theory]
    [InlineData("MESSAGE_DELETE", """{"id":"1","channel_id":"2"}""", typeof(MessageDeleteEvent))]
    [InlineData("MESSAGE_DELETE_BULK", """{"ids":["1","3"],"channel_id":"2","guild_id":"5"}""", typeof(MessageDeleteBulkEvent))]
    [InlineData("MESSAGE_UPDATE", """{"id":"1","channel_id":"2","author":{"id":"3","username":"x"},"content":"edited","timestamp":"2025-01-01T00:00:00+00:00"}""", typeof(MessageUpdateEvent))]
    [InlineData("GUILD_DELETE", """{"id":"1","unavailable":true}""", typeof(GuildDeleteEvent))]
    [InlineData("GUILD_UPDATE", """{"id":"1","name":"renamed"}""", typeof(GuildUpdateEvent))]
    [InlineData("GUILD_ROLE_CREATE", """{"guild_id":"1","role":{"id":"2","name":"r","permissions":"32","position":1}}""", typeof(GuildRoleCreateEvent))]
    [InlineData("GUILD_ROLE_UPDATE", """{"guild_id":"1","role":{"id":"2","name":"r2","permissions":"0","position":1}}""", typeof(GuildRoleUpdateEvent))]
    [InlineData("GUILD_ROLE_DELETE", """{"guild_id":"1","role_id":"2"}""", typeof(GuildRoleDeleteEvent))]
    [InlineData("CHANNEL_CREATE", """{"id":"1","type":0,"guild_id":"2","name":"c"}""", typeof(ChannelCreateEvent))]
    [InlineData("CHANNEL_UPDATE", """{"id":"1","type":0,"guild_id":"2","name":"c2"}""", typeof(ChannelUpdateEvent))]
    [InlineData("CHANNEL_DELETE", """{"id":"1","type":0,"guild_id":"2"}""", typeof(ChannelDeleteEvent))]
    [InlineData("CHANNEL_PINS_UPDATE", """{"channel_id":"1","last_pin_timestamp":null}""", typeof(ChannelPinsUpdateEvent))]
    [InlineData("THREAD_CREATE", """{"id":"1","type":11,"guild_id":"2","parent_id":"3","newly_created":true}""", typeof(ThreadCreateEvent))]
    [InlineData("THREAD_UPDATE", """{"id":"1","type":11,"guild_id":"2","parent_id":"3","thread_metadata":{"archived":true,"locked":false,"auto_archive_duration":60,"archive_timestamp":"2025-01-01T00:00:00+00:00"}}""", typeof(ThreadUpdateEvent))]
    [InlineData("THREAD_DELETE", """{"id":"1","type":11,"guild_id":"2","parent_id":"3"}""", typeof(ThreadDeleteEvent))]
    [InlineData("THREAD_LIST_SYNC", """{"guild_id":"2","channel_ids":["3"],"threads":[{"id":"1","type":11,"parent_id":"3"}],"members":[]}""", typeof(ThreadListSyncEvent))]
    [InlineData("THREAD_MEMBER_UPDATE", """{"id":"1","user_id":"4","guild_id":"2","join_timestamp":"2025-01-01T00:00:00+00:00","flags":1}""", typeof(ThreadMemberUpdateEvent))]
    [InlineData("THREAD_MEMBERS_UPDATE", """{"id":"1","guild_id":"2","member_count":3,"removed_member_ids":["5"]}""", typeof(ThreadMembersUpdateEvent))]
    [InlineData("WEBHOOKS_UPDATE", """{"guild_id":"1","channel_id":"2"}""", typeof(WebhooksUpdateEvent))]
    [InlineData("INTERACTION_CREATE", """{"id":"1","application_id":"2","type":2,"token":"t","data":{"id":"3","name":"status","type":1}}""", typeof(InteractionCreateEvent))]
    [InlineData("READY", """{"v":10,"user":{"id":"1","username":"bot"},"guilds":[{"id":"2","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","shard":[0,1],"application":{"id":"1","flags":0}}""", typeof(ReadyEvent))]
    public void Decode_EachKnownEvent_HasItsType(string name, string json, Type expected)
    {
        var e = Decode(name, json);
        Assert.IsType(expected, e);
        Assert.Equal(name, e.Name);
    }

    [Fact]
    public void Decode_UnknownEvent_PassedOnRaw()
    {
        var e = Assert.IsType<UnknownGatewayEvent>(Decode("GUILD_SCHEDULED_EVENT_CREATE", """{"id":"1","name":"party"}"""));
        Assert.Null(e.DecodeError);
        Assert.Equal("party", e.ToJsonElement().GetProperty("name").GetString());
    }

    [Fact]
    public void Decode_MalformedKnownEvent_PassedOnRawWithTheError()
    {
        var e = Assert.IsType<UnknownGatewayEvent>(Decode("MESSAGE_DELETE", """{"id":"not a snowflake","channel_id":"2"}"""));
        Assert.Equal("MESSAGE_DELETE", e.Name);
        Assert.Contains("snowflake", e.DecodeError, StringComparison.Ordinal);
        Assert.Equal("2", e.ToJsonElement().GetProperty("channel_id").GetString());
    }

    [Theory]
    [InlineData("GUILD_ROLE_CREATE", """{"guild_id":"1","role":null}""", "role")]
    [InlineData("GUILD_ROLE_UPDATE", """{"guild_id":"1"}""", "role")]
    [InlineData("READY", """{"v":10,"user":null,"guilds":[],"session_id":"s"}""", "user")]
    [InlineData("THREAD_LIST_SYNC", """{"guild_id":"2","threads":null,"members":[]}""", "threads")]
    public void Decode_RequiredPartNull_PassedOnRawWithTheError(string name, string json, string part)
    {
        var e = Assert.IsType<UnknownGatewayEvent>(Decode(name, json));
        Assert.Contains($"'{part}'", e.DecodeError, StringComparison.Ordinal);
        Assert.Equal(json, Encoding.UTF8.GetString(e.Data.Span));
    }

    [Fact]
    public void Decode_DataNotCompleteJson_PassedOnAsReceived_NeverThrows()
    {
        // d left unread by the envelope parser (it comes last), and cut off inside a string.
        var message = Encoding.UTF8.GetBytes("""{"op":0,"s":4,"t":"GUILD_ROLE_UPDATE","d":{"guild_id":"1","role":{"id":"2","name":"cut}""");
        var frame = GatewayFrame.Parse(message);
        var e = Assert.IsType<UnknownGatewayEvent>(GatewayEventDecoder.Decode(new GatewayDispatch(0, 4, frame.Type!, message, frame.DataStart, frame.DataLength, DateTimeOffset.UnixEpoch)));
        Assert.Contains("not complete JSON", e.DecodeError, StringComparison.Ordinal);
        Assert.Equal("""{"guild_id":"1","role":{"id":"2","name":"cut}""", Encoding.UTF8.GetString(e.Data.Span));
        Assert.Equal(("GUILD_ROLE_UPDATE", 4L), (e.Name, e.Sequence));

        var unknown = Assert.IsType<UnknownGatewayEvent>(GatewayEventDecoder.Decode(new GatewayDispatch(0, 5, "SOMETHING_NEW", "[1,"u8.ToArray(), 0, -1, DateTimeOffset.UnixEpoch)));
        Assert.Equal("[1,", Encoding.UTF8.GetString(unknown.Data.Span));
    }
}
