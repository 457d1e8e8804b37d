using System.Text.Json;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>An event MCPilot has no type for (or could not decode), passed on with its raw <c>d</c> JSON.</summary>
public sealed class UnknownGatewayEvent : GatewayEvent
{
    internal UnknownGatewayEvent(ReadOnlyMemory<byte> data, string? decodeError)
    {
        Data = data;
        DecodeError = decodeError;
    }

    /// <summary>The UTF-8 JSON of the event's data.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Why a known event could not be decoded, or null for an event of an unknown name.</summary>
    public string? DecodeError { get; }

    /// <summary>Parses <see cref="Data"/> into a DOM.</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(Data);
        return document.RootElement.Clone();
    }
}
