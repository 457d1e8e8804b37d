using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MCPilot.Entities;

/// <summary>
/// The rules an entity must follow, checked before it is stored. Names follow Discord's webhook
/// name rules (1 to 80 characters, no "discord" or "clyde") plus its username rules (no <c>@ # :</c>
/// or <c>```</c>, not "everyone" or "here"), because names are also how messages address an entity.
/// </summary>
public static partial class EntityRules
{
    /// <summary>The longest description, in characters.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>The longest persona, in characters.</summary>
    public const int MaxPersonaLength = 16_000;

    /// <summary>The most blocked phrases an entity may have.</summary>
    public const int MaxBlockedPhrases = 200;

    /// <summary>The longest blocked phrase, in characters.</summary>
    public const int MaxBlockedPhraseLength = 200;

    /// <summary>The longest avatar URL, in characters.</summary>
    public const int MaxAvatarUrlLength = 2048;

    /// <summary>The most guilds an entity may be present in.</summary>
    public const int MaxGuilds = 100;

    private static readonly string[] ForbiddenSubstrings = ["@", "#", ":", "```"];
    private static readonly string[] ForbiddenWords = ["discord", "clyde"];
    private static readonly string[] ReservedNames = ["everyone", "here"];

    /// <summary>Trims a name and collapses internal runs of whitespace, as Discord does.</summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return WhitespaceRun().Replace(name.Trim(), " ");
    }

    /// <summary>The problems with a (normalized) name; empty when it is valid.</summary>
    public static IReadOnlyList<string> CheckName(string? name)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name is required: give the entity a display name of 1 to 80 characters.");
            return errors;
        }

        if (name.Length > Entity.MaxNameLength)
        {
            errors.Add($"Name is {name.Length} characters long; Discord allows at most {Entity.MaxNameLength}. Shorten it.");
        }

        if (name.Any(IsInvisible))
        {
            errors.Add("Name contains control or zero-width characters, which Discord strips or rejects. Remove them.");
        }

        foreach (var s in ForbiddenSubstrings)
        {
            if (name.Contains(s, StringComparison.Ordinal))
            {
                errors.Add($"Name contains '{s}', which Discord does not allow in names. Remove it.");
            }
        }

        foreach (var word in ForbiddenWords)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Name contains \"{word}\", which Discord rejects in webhook names. Choose another name.");
            }
        }

        if (ReservedNames.Any(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"Name \"{name}\" is reserved by Discord. Choose another name.");
        }

        return errors;
    }

    /// <summary>
    /// Whether <paramref name="avatarUrl"/> may be an entity's avatar: an absolute https URL (Discord
    /// fetches avatars from the public internet, and expects https), or an http URL of a loopback host
    /// (only a local test Discord, such as FakeDiscord, can fetch those anyway).
    /// </summary>
    internal static bool IsAvatarUrlAllowed(Uri avatarUrl)
    {
        ArgumentNullException.ThrowIfNull(avatarUrl);
        return avatarUrl.IsAbsoluteUri
            && (avatarUrl.Scheme == Uri.UriSchemeHttps || (avatarUrl.Scheme == Uri.UriSchemeHttp && avatarUrl.IsLoopback));
    }

    /// <summary>Checks a whole entity; throws when it breaks a rule.</summary>
    /// <exception cref="EntityValidationException">Lists every problem.</exception>
    public static void Validate(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var errors = new List<string>(CheckName(entity.Name));
        if (entity.Name is { } n && n != NormalizeName(n))
        {
            errors.Add("Name has leading, trailing or repeated whitespace. Normalize it (EntityRules.NormalizeName) first.");
        }

        if (entity.AvatarUrl is { } avatar)
        {
            if (!IsAvatarUrlAllowed(avatar))
            {
                errors.Add($"AvatarUrl must be an absolute https URL that Discord can fetch (plain http only for a loopback host such as 127.0.0.1 or localhost, for local tests); '{Shorten(avatar.OriginalString)}' is not.");
            }
            else if (avatar.OriginalString.Length > MaxAvatarUrlLength)
            {
                errors.Add($"AvatarUrl is longer than {MaxAvatarUrlLength} characters. Use a shorter URL or upload the image.");
            }
        }

        if (entity.Description is { Length: > MaxDescriptionLength } d)
        {
            errors.Add($"Description is {d.Length} characters long; at most {MaxDescriptionLength} are allowed.");
        }

        if (entity.Persona is { Length: > MaxPersonaLength } p)
        {
            errors.Add($"Persona is {p.Length} characters long; at most {MaxPersonaLength} are allowed. Move long reference material into a tool or resource.");
        }

        CheckPhrases(entity.BlockedPhrases, errors);
        CheckGuilds(entity.Guilds, errors);
        if (entity.ToolAllowList is { } tools)
        {
            foreach (var tool in tools)
            {
                if (!ToolName().IsMatch(tool))
                {
                    errors.Add($"ToolAllowList has '{Shorten(tool)}', which is not a tool name (1 to 128 characters of letters, digits, '_', '-' and '.').");
                }
            }
        }

        if (entity.RateLimits is null)
        {
            errors.Add("RateLimits is required (use EntityRateLimits.Default).");
        }
        else
        {
            if (entity.RateLimits.SendsPerMinute is < 1 or > 10_000)
            {
                errors.Add($"RateLimits.SendsPerMinute is {entity.RateLimits.SendsPerMinute}; it must be 1 to 10000.");
            }

            if (entity.RateLimits.Burst is < 1 or > 10_000)
            {
                errors.Add($"RateLimits.Burst is {entity.RateLimits.Burst}; it must be 1 to 10000.");
            }
        }

        if (errors.Count > 0)
        {
            throw new EntityValidationException(errors);
        }
    }

    private static void CheckPhrases(IReadOnlyList<string>? phrases, List<string> errors)
    {
        if (phrases is null)
        {
            errors.Add("BlockedPhrases is required (use an empty list).");
            return;
        }

        if (phrases.Count > MaxBlockedPhrases)
        {
            errors.Add($"BlockedPhrases has {phrases.Count} phrases; at most {MaxBlockedPhrases} are allowed.");
        }

        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Length > MaxBlockedPhraseLength)
            {
                errors.Add($"BlockedPhrases has an empty phrase or one longer than {MaxBlockedPhraseLength} characters. Remove it.");
                break;
            }
        }
    }

    private static void CheckGuilds(IReadOnlyList<EntityGuildMembership>? guilds, List<string> errors)
    {
        if (guilds is null)
        {
            errors.Add("Guilds is required (use an empty list).");
            return;
        }

        if (guilds.Count > MaxGuilds)
        {
            errors.Add($"Guilds has {guilds.Count} memberships; at most {MaxGuilds} are allowed.");
        }

        var seen = new HashSet<ulong>();
        foreach (var g in guilds)
        {
            if (g.GuildId == 0)
            {
                errors.Add("Guilds has a membership with guild id 0; use the guild's snowflake.");
            }
            else if (!seen.Add(g.GuildId))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Guilds lists guild {g.GuildId} twice; merge its channel policies into one membership."));
            }

            if (g.Policy is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Guild {g.GuildId} has no channel policy; use ChannelPolicy.AllowAll."));
            }
            else if (g.Policy.Allow.Contains(0) || g.Policy.Deny.Contains(0))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Guild {g.GuildId}'s channel policy lists channel 0; use channel snowflakes."));
            }
        }
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Shorten(string s) => s.Length > 60 ? string.Concat(s.AsSpan(0, 60), "…") : s;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex ToolName();

    /// <summary>Lower-cases and strips format characters, so filters and mention matching are not fooled by zero-width characters.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
