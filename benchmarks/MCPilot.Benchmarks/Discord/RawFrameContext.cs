using System.Text.Json.Serialization;
using MCPilot.Discord.Serialization;

namespace MCPilot.Benchmarks.Discord;

/// <summary>Source-generated metadata for the baseline, with Discord's conventions.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(SnowflakeJsonConverter)])]
[JsonSerializable(typeof(RawFrame))]
internal sealed partial class RawFrameContext : JsonSerializerContext;
