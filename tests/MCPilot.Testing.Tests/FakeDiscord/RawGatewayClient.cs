using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>A bare WebSocket to FakeDiscord's Gateway, sending exactly what a test writes.</summary>
internal sealed class RawGatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RawGatewayClient> ConnectAsync(FakeDiscordServer server, string query = "?v=10&encoding=json", string path = "/")
    {
        var client = new RawGatewayClient();
        await client._socket.ConnectAsync(new Uri(server.GatewayUrl + path + query), TestContext.Current.CancellationToken);
        return client;
    }

    public Task SendAsync(object payload) => SendRawAsync(JsonSerializerText(payload));

    public Task SendRawAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    /// <summary>The next payload, or null when the server closed (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[1 << 20];
        var count = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(count), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return (JsonObject)JsonNode.Parse(buffer.AsSpan(0, count))!;
            }
        }
    }

    /// <summary>Receives until a dispatch named <paramref name="type"/> (returning it) or the close.</summary>
    public async Task<JsonObject?> ReceiveDispatchAsync(string type)
    {
        while (await ReceiveAsync() is { } payload)
        {
            if (payload["t"]?.GetValue<string>() == type)
            {
                return payload;
            }
        }

        return null;
    }

    /// <summary>Receives until the server closes; returns its close code.</summary>
    public async Task<int> ClosedWithAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int)_socket.CloseStatus!.Value;
    }

    public static object Identify(string token, int intents = 1 | (1 << 9) | (1 << 12) | (1 << 15), int shard = 0, int shards = 1)
        => new { op = 2, d = new { token, intents, shard = new[] { shard, shards }, properties = new { os = "linux", browser = "tests", device = "tests" } } };

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }

    private static string JsonSerializerText(object payload) => System.Text.Json.JsonSerializer.Serialize(payload);
}
