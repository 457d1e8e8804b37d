using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MCPilot.Discord.Serialization;

/// <summary>Reads and writes <see cref="Optional{T}"/>: a property that is read is present; an absent one is skipped on write.</summary>
internal sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Optional<T> is closed over types the source-generated context already roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Optional<T> is closed over types the source-generated context already roots.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return new Optional<T>(default!);
            }

            var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            return new Optional<T>(JsonSerializer.Deserialize(ref reader, info)!);
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
        {
            if (!value.HasValue || value.Value is null)
            {
                writer.WriteNullValue();
                return;
            }

            var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            JsonSerializer.Serialize(writer, value.Value, info);
        }
    }
}
