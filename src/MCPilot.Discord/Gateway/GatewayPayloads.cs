using System.Buffers;
using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>Writes the payloads a shard sends, with Utf8JsonWriter (no reflection, no intermediate objects).</summary>
internal static class GatewayPayloads
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    public static void Heartbeat(IBufferWriter<byte> buffer, long? sequence)
    {
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("op"u8, (int)GatewayOpCode.Heartbeat);
        if (sequence is { } s)
        {
            w.WriteNumber("d"u8, s);
        }
        else
        {
            w.WriteNull("d"u8);
        }

        w.WriteEndObject();
    }

    public static void Identify(IBufferWriter<byte> buffer, string token, GatewayIntents intents, int shardId, int shardCount, int largeThreshold)
    {
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("op"u8, (int)GatewayOpCode.Identify);
        w.WriteStartObject("d"u8);
        w.WriteString("token"u8, token);
        w.WriteNumber("intents"u8, (int)intents);
        w.WriteNumber("large_threshold"u8, largeThreshold);
        w.WriteStartArray("shard"u8);
        w.WriteNumberValue(shardId);
        w.WriteNumberValue(shardCount);
        w.WriteEndArray();
        w.WriteStartObject("properties"u8);
        w.WriteString("os"u8, OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");
        w.WriteString("browser"u8, "MCPilot");
        w.WriteString("device"u8, "MCPilot");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Resume(IBufferWriter<byte> buffer, string token, string sessionId, long sequence)
    {
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("op"u8, (int)GatewayOpCode.Resume);
        w.WriteStartObject("d"u8);
        w.WriteString("token"u8, token);
        w.WriteString("session_id"u8, sessionId);
        w.WriteNumber("seq"u8, sequence);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>An arbitrary payload: <paramref name="data"/> is already-serialised JSON.</summary>
    public static void Raw(IBufferWriter<byte> buffer, GatewayOpCode op, ReadOnlySpan<byte> data)
    {
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("op"u8, (int)op);
        w.WritePropertyName("d"u8);
        w.WriteRawValue(data);
        w.WriteEndObject();
    }
}
