using System.CommandLine;
using System.Globalization;
using MCPilot.Entities;

namespace MCPilot.Host.Cli;

/// <summary>The entity fields that <c>entities create</c> and <c>entities update</c> both set, and how they apply.</summary>
internal sealed class EntityEditOptions
{
    public Option<string> Description { get; } = new("--description") { Description = "A short description, shown in /entities and to MCP clients (\"\" clears it)." };

    public Option<string> AvatarUrl { get; } = new("--avatar-url") { Description = "The avatar: an absolute https URL Discord can fetch (\"\" clears it).", HelpName = "url" };

    public Option<FileInfo> AvatarFile { get; } = new("--avatar-file") { Description = "Upload an avatar (PNG, JPEG, GIF or WebP; square; at most 2 MiB); needs MCPilot:PublicBaseUrl.", HelpName = "path" };

    public Option<string> Owner { get; } = new("--owner") { Description = "The Discord user id of the entity's owner (\"none\" clears it).", HelpName = "user-id" };

    public Option<string> Persona { get; } = new("--persona") { Description = "The persona or system prompt, served to MCP clients as a prompt (\"\" clears it)." };

    public Option<FileInfo> PersonaFile { get; } = new("--persona-file") { Description = "Read the persona from a file.", HelpName = "path" };

    public Option<string> Tools { get; } = new("--tools") { Description = "The tools its clients may call, comma-separated, or \"all\".", HelpName = "names|all" };

    public Option<int?> SendsPerMinute { get; } = new("--sends-per-minute") { Description = "Sends replenished per minute (1 to 10000; default 30).", HelpName = "n" };

    public Option<int?> Burst { get; } = new("--burst") { Description = "How many sends may go at once (1 to 10000; default 10).", HelpName = "n" };

    public Option<string[]> Block { get; } = new("--block") { Description = "A phrase the entity may not send (repeatable).", HelpName = "phrase" };

    public IEnumerable<Option> All => [Description, AvatarUrl, AvatarFile, Owner, Persona, PersonaFile, Tools, SendsPerMinute, Burst, Block];

    /// <summary>Whether any of these options was given.</summary>
    public bool AnyGiven(ParseResult parse) => All.Any(o => parse.GetResult(o) is not null);

    /// <summary>
    /// Reads the given options (and files) into a change to apply to an entity (all but the avatar
    /// file, which is uploaded once the entity exists). The change may run again on a fresher copy
    /// when someone else changed the entity meanwhile.
    /// </summary>
    public async Task<Func<Entity, Entity>> ReadChangeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetResult(Persona) is not null && parse.GetResult(PersonaFile) is not null)
        {
            throw new CliException("Give --persona or --persona-file, not both.");
        }

        if (parse.GetResult(AvatarUrl) is not null && parse.GetResult(AvatarFile) is not null)
        {
            throw new CliException("Give --avatar-url or --avatar-file, not both.");
        }

        var changes = new List<Func<Entity, Entity>>();
        if (parse.GetResult(Description) is not null)
        {
            var description = Clearable(parse.GetValue(Description));
            changes.Add(e => e with { Description = description });
        }

        if (parse.GetResult(AvatarUrl) is not null)
        {
            var avatar = Clearable(parse.GetValue(AvatarUrl)) is { } url ? ParseUrl(url) : null;
            changes.Add(e => e with { AvatarUrl = avatar });
        }

        if (parse.GetValue(Owner) is { } owner)
        {
            ulong? ownerId = owner.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : CliParsers.Snowflake(owner, "user");
            changes.Add(e => e with { OwnerUserId = ownerId });
        }

        if (parse.GetResult(Persona) is not null || parse.GetResult(PersonaFile) is not null)
        {
            var persona = Clearable(parse.GetValue(PersonaFile) is { } file ? await ReadFileAsync(file, "--persona-file", cancellationToken) : parse.GetValue(Persona));
            changes.Add(e => e with { Persona = persona });
        }

        if (parse.GetValue(Tools) is { } tools)
        {
            IReadOnlySet<string>? allowed = tools.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                ? null
                : tools.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            changes.Add(e => e with { ToolAllowList = allowed });
        }

        if (parse.GetValue(SendsPerMinute) is { } perMinute)
        {
            changes.Add(e => e with { RateLimits = e.RateLimits with { SendsPerMinute = perMinute } });
        }

        if (parse.GetValue(Burst) is { } burst)
        {
            changes.Add(e => e with { RateLimits = e.RateLimits with { Burst = burst } });
        }

        if (parse.GetValue(Block) is { Length: > 0 } blocked)
        {
            changes.Add(e => e with { BlockedPhrases = [.. e.BlockedPhrases.Concat(blocked).Distinct(StringComparer.OrdinalIgnoreCase)] });
        }

        return entity => changes.Aggregate(entity, (current, change) => change(current));
    }

    /// <summary>Uploads the avatar file, if one was given.</summary>
    public async Task<Entity> UploadAvatarAsync(EntityRegistry registry, Entity entity, ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(AvatarFile) is not { } file)
        {
            return entity;
        }

        byte[] image;
        try
        {
            image = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--avatar-file '{file.FullName}' cannot be read ({e.Message}).");
        }

        return await registry.SetAvatarImageAsync(entity.Id, image, cancellationToken);
    }

    public static ulong[] Guilds(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(g => CliParsers.Snowflake(g, "server"))];

    private static string? Clearable(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new CliException($"--avatar-url '{url}' is not an absolute URL; give e.g. https://example.com/ada.png.");

    private static async Task<string> ReadFileAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{option} '{file.FullName}' cannot be read ({e.Message})."));
        }
    }
}
