using System.Globalization;

namespace MCPilot;

/// <summary>
/// Who owns a secret: a Discord user (<c>discord:1234</c>), an entity (<c>entity:…</c>) or
/// the installation itself (<c>system</c>). Each owner has its own vault key.
/// </summary>
public readonly record struct OwnerId
{
    /// <summary>The largest accepted length of an owner id, in characters.</summary>
    public const int MaxLength = 128;

    /// <summary>Creates an owner id from its string form.</summary>
    /// <param name="value">1 to <see cref="MaxLength"/> printable ASCII characters.</param>
    /// <exception cref="ArgumentException">The value is empty, too long or not printable ASCII.</exception>
    public OwnerId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"An owner id has at most {MaxLength} characters; this one has {value.Length}.", nameof(value));
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                throw new ArgumentException("An owner id is printable ASCII without spaces.", nameof(value));
            }
        }

        Value = value;
    }

    /// <summary>The owner id's string form.</summary>
    public string Value { get; }

    /// <summary>The installation itself, for secrets no user owns.</summary>
    public static OwnerId System { get; } = new("system");

    /// <summary>The owner id of a Discord user.</summary>
    /// <param name="userId">The user's snowflake.</param>
    public static OwnerId ForDiscordUser(ulong userId) => new("discord:" + userId.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
