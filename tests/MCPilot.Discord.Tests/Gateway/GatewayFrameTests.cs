using System.Text;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayFrameTests
{
    [Theory]
    [InlineData("""{"t":"MESSAGE_DELETE","s":9,"op":0,"d":{"id":"1","channel_id":"2"}}""", true)]
    [InlineData("""{"op":0,"d":{"id":"1","channel_id":"2"},"s":9,"t":"MESSAGE_DELETE","x":[1,{"y":2}]}""", false)]
    public void Parse_DataLastOrNot_SameEnvelopeAndData(string json, bool dataLeftUnread)
    {
        var message = Encoding.UTF8.GetBytes(json);
        var frame = GatewayFrame.Parse(message);
        Assert.Equal((GatewayOpCode.Dispatch, 9L, "MESSAGE_DELETE"), (frame.OpCode, frame.Sequence!.Value, frame.Type!));
        Assert.Equal(dataLeftUnread, frame.DataLength < 0);
        Assert.Equal("""{"id":"1","channel_id":"2"}""", Encoding.UTF8.GetString(frame.Data(message)));

        var dispatch = new GatewayDispatch(0, 9, frame.Type!, message, frame.DataStart, frame.DataLength, DateTimeOffset.UnixEpoch);
        var deleted = Assert.IsType<MessageDeleteEvent>(GatewayEventDecoder.Decode(dispatch));
        Assert.Equal((1UL, 2UL), (deleted.Id, deleted.ChannelId));
        Assert.Equal("""{"id":"1","channel_id":"2"}""", Encoding.UTF8.GetString(dispatch.Data.Span));
    }

    [Fact]
    public void Parse_HelloAndAck_WithoutSequenceOrType()
    {
        var hello = Encoding.UTF8.GetBytes("""{"op":10,"d":{"heartbeat_interval":41250}}""");
        var frame = GatewayFrame.Parse(hello);
        Assert.Equal(GatewayOpCode.Hello, frame.OpCode);
        Assert.Equal("""{"heartbeat_interval":41250}""", Encoding.UTF8.GetString(frame.Data(hello)));
        Assert.Equal(GatewayOpCode.HeartbeatAck, GatewayFrame.Parse("""{"op":11}"""u8).OpCode);
        Assert.Throws<System.Text.Json.JsonException>(() => GatewayFrame.Parse("""{"t":null}"""u8));
    }

    [Theory]
    [InlineData("""{"op":"x","d":null}""", "'op'")]
    [InlineData("""{"op":1e10}""", "'op'")]
    [InlineData("""{"op":0,"s":1.5,"t":"MESSAGE_CREATE","d":{}}""", "'s'")]
    [InlineData("""{"op":0,"s":"7","t":"MESSAGE_CREATE","d":{}}""", "'s'")]
    [InlineData("""{"op":0,"s":7,"t":5,"d":{}}""", "'t'")]
    public void Parse_FieldOfTheWrongKind_JsonExceptionNamingTheField(string json, string field)
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() => GatewayFrame.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }
}
