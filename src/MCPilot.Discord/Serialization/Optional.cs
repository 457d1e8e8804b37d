using System.Text.Json.Serialization;

namespace MCPilot.Discord.Serialization;

/// <summary>
/// A JSON field that may be absent, which is not the same as present with <c>null</c>. Discord
/// gives the two different meanings in places: in a PATCH, absent leaves a field unchanged and
/// <c>null</c> clears it; in a message, an absent <c>referenced_message</c> means "not a reply"
/// while <c>null</c> means "a reply whose message was deleted". A default
/// <see cref="Optional{T}"/> is absent and is not written.
/// </summary>
/// <typeparam name="T">The field's type (nullable when <c>null</c> is meaningful).</typeparam>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Creates a present field holding <paramref name="value"/> (which may be <c>null</c>).</summary>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>An absent field.</summary>
    public static Optional<T> Absent => default;

    /// <summary>Whether the field was (or will be) present in the JSON.</summary>
    public bool HasValue { get; }

    /// <summary>The value; throws when the field is absent.</summary>
    /// <exception cref="InvalidOperationException">The field is absent.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The field is absent: check HasValue first.");

    /// <summary>The value, or <paramref name="fallback"/> when the field is absent.</summary>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <summary>Makes a present field.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Makes a present field.</summary>
    public static Optional<T> FromValue(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(Optional<T> other) => HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HasValue ? HashCode.Combine(true, _value) : 0;

    /// <summary>Equality of presence and value.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Inequality of presence or value.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "(absent)";
}
