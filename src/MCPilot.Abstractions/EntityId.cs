using System.Diagnostics.CodeAnalysis;

namespace MCPilot;

/// <summary>
/// The id of an entity: a version-7 GUID, written as 32 lowercase hex digits (the form used in
/// <c>/mcp/{entityId}</c>).
/// </summary>
public readonly record struct EntityId(Guid Value) : ISpanParsable<EntityId>
{
    /// <summary>A new, time-ordered id.</summary>
    public static EntityId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");

    /// <summary>Parses the 32-hex-digit form (or any GUID form).</summary>
    public static EntityId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is not an entity id (32 hex digits).");

    /// <inheritdoc />
    public static EntityId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException("The value is not an entity id (32 hex digits).");

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EntityId result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses an entity id, returning <see langword="false"/> when the text is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out EntityId result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out EntityId result)
    {
        if (Guid.TryParse(s, out var guid) && guid != Guid.Empty)
        {
            result = new EntityId(guid);
            return true;
        }

        result = default;
        return false;
    }
}
