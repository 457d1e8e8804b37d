using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;

namespace MCPilot.Benchmarks.Discord;

/// <summary>
/// MESSAGE_CREATE frames of realistic size (rendered by FakeDiscord: author, member, mentions with
/// members, replies with their referenced message; 1–4 KB each), decoded and dispatched by MCPilot
/// (envelope parse, copy of the payload off the receive buffer, typed decode, cache, fan-out to a subscription, read back) against raw
/// System.Text.Json deserialisation of the same frames into a source-generated envelope with the
/// same Message model (the baseline: decoding alone, nothing dispatched). One operation is one
/// event, so 1 / Mean is events per second.
/// </summary>
[MemoryDiagnoser]
public class GatewayDecodeBenchmarks
{
    private const int Frames = 256;
    private byte[][] _frames = [];
    private GatewayEventDispatcher _dispatcher = null!;
    private GatewaySubscription _subscription = null!;
    private DiscordGatewayClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _frames = RenderFramesAsync().GetAwaiter().GetResult();
        _client = new DiscordGatewayClient("unused", new GatewayOptions(), _ => throw new InvalidOperationException(), TimeProvider.System, NullLoggerFactory.Instance);
        _dispatcher = new GatewayEventDispatcher(_client, new DiscordCache(), NullLoggerFactory.Instance);
        _subscription = _dispatcher.Subscribe(new GatewaySubscriptionOptions { Name = "benchmark", Capacity = Frames * 2 });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subscription.Dispose();
        _client.Dispose();
    }

    /// <summary>The average frame size, for the report.</summary>
    public double AverageFrameBytes => _frames.Average(f => f.Length);

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames, Description = "raw System.Text.Json deserialise")]
    public long RawSystemTextJson()
    {
        long sum = 0;
        foreach (var frame in _frames)
        {
            var envelope = JsonSerializer.Deserialize(frame, RawFrameContext.Default.RawFrame)!;
            sum += (long)(envelope.D!.Id & 0xFF);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Frames, Description = "MCPilot decode + dispatch")]
    public async Task<long> DecodeAndDispatch()
    {
        long sum = 0;
        var now = DateTimeOffset.UnixEpoch;
        foreach (var frame in _frames)
        {
            var parsed = GatewayFrame.Parse(frame);
            var dispatch = new GatewayDispatch(0, parsed.Sequence ?? 0, parsed.Type!, frame.AsSpan().ToArray(), parsed.DataStart, parsed.DataLength, now);
            await _dispatcher.DispatchAsync(GatewayEventDecoder.Decode(dispatch), CancellationToken.None);
            while (_subscription.Reader.TryRead(out var e))
            {
                sum += (long)(((MessageCreateEvent)e).Message.Id & 0xFF);
            }
        }

        return sum;
    }

    /// <summary>MESSAGE_CREATE frames as FakeDiscord's Gateway sends them, for a mix of plain messages, mentions and replies.</summary>
    private static async Task<byte[][]> RenderFramesAsync()
    {
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecordFromEnvironment = false });
        var demo = server.State.SeedDemo();
        using var subscription = server.State.Events.Subscribe();
        var text = "Here is what I found when I looked through the logs this morning: the deploy went out at 09:12, the error rate rose a little after, and it settled once the cache warmed. ";
        var previous = new Dictionary<ulong, ulong>();
        for (var i = 0; i < Frames; i++)
        {
            var content = (i % 4) switch
            {
                0 => text,
                1 => $"<@{demo.Bob.Id}> {text}{text}",
                2 => $"<@{demo.Alice.Id}> <@{demo.Bob.Id}> <@&{demo.Moderators.Id}> quick question about {i}",
                _ => text + text + text,
            };
            var author = i % 2 == 0 ? demo.Alice.Id : demo.Bob.Id;
            var channel = i % 5 == 0 ? demo.Thread.Id : demo.General.Id;
            ulong? replyTo = i % 3 == 0 && previous.TryGetValue(channel, out var last) ? last : null;
            previous[channel] = server.State.PostUserMessage(channel, author, content, replyTo).Id;
        }

        var frames = new List<byte[]>();
        long sequence = 100;
        while (frames.Count < Frames && subscription.Reader.TryRead(out var dispatch))
        {
            if (dispatch.Name != "MESSAGE_CREATE")
            {
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("t", dispatch.Name);
                w.WriteNumber("s", ++sequence);
                w.WriteNumber("op", 0);
                w.WritePropertyName("d");
                dispatch.Payload.WriteTo(w);
                w.WriteEndObject();
            }

            frames.Add(buffer.WrittenSpan.ToArray());
        }

        return [.. frames];
    }
}
