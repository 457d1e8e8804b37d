using MCPilot.Discord.Gateway;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// Registers the bot's slash commands by bulk overwrite, globally or per guild, and skips the
/// call when Discord already has exactly these definitions (Discord allows 200 command creates a
/// day per guild). The comparison is against what Discord returns (<c>GET</c> of the commands,
/// which costs no create), by <see cref="SlashCommandFingerprint"/>: nothing needs storing, a
/// restart does not re-register, and a change made elsewhere (another deployment, a manual edit)
/// is noticed and put right.
/// </summary>
internal sealed class SlashCommandRegistrar
{
    private readonly IReadOnlyList<ISlashCommand> _commands;
    private readonly IDiscordRestClient _rest;
    private readonly SlashCommandOptions _options;
    private readonly ILogger _logger;

    public SlashCommandRegistrar(IEnumerable<ISlashCommand> commands, IDiscordRestClient rest, IOptions<GatewayOptions> options, ILoggerFactory loggerFactory)
    {
        _commands = [.. commands];

        // Two commands of one name fail the start here, before any registration is attempted.
        _ = SlashCommandCatalog.Index(_commands);
        _rest = rest;
        _options = options.Value.Commands;
        _logger = loggerFactory.CreateLogger("MCPilot.Discord.Interactions");
    }

    /// <summary>The definitions of the registered commands.</summary>
    public IReadOnlyList<ApplicationCommandDefinition> Definitions => [.. _commands.Select(c => c.Definition)];

    /// <summary>Registers the commands in every configured scope; returns what happened in each. Logs instead of throwing.</summary>
    public async Task<IReadOnlyList<SlashCommandRegistration>> RegisterAsync(CancellationToken cancellationToken)
    {
        if (!_options.RegisterOnStart || _commands.Count == 0)
        {
            return [];
        }

        var results = new List<SlashCommandRegistration>();
        IReadOnlyList<ulong?> scopes = _options.GuildIds.Count == 0 ? [null] : [.. _options.GuildIds.Distinct().Select(id => (ulong?)id)];
        foreach (var guild in scopes)
        {
            try
            {
                results.Add(await RegisterAsync(guild, Definitions, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is DiscordRestException or HttpRequestException)
            {
                InteractionLog.RegistrationFailed(_logger, e, Scope(guild));
            }
        }

        return results;
    }

    /// <summary>Registers <paramref name="definitions"/> in one scope (null: global), unless Discord already has them.</summary>
    public async Task<SlashCommandRegistration> RegisterAsync(ulong? guildId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
    {
        var wanted = SlashCommandFingerprint.Of(definitions);
        var existing = guildId is { } g
            ? await _rest.GetGuildCommandsAsync(g, cancellationToken).ConfigureAwait(false)
            : await _rest.GetGlobalCommandsAsync(cancellationToken).ConfigureAwait(false);
        if (SlashCommandFingerprint.Of(existing) == wanted)
        {
            InteractionLog.RegistrationUnchanged(_logger, Scope(guildId), definitions.Count, wanted);
            return new SlashCommandRegistration(guildId, wanted, Overwritten: false);
        }

        _ = guildId is { } guild
            ? await _rest.BulkOverwriteGuildCommandsAsync(guild, definitions, cancellationToken).ConfigureAwait(false)
            : await _rest.BulkOverwriteGlobalCommandsAsync(definitions, cancellationToken).ConfigureAwait(false);
        InteractionLog.Registered(_logger, Scope(guildId), definitions.Count, wanted, string.Join(", ", definitions.Select(d => "/" + d.Name)));
        return new SlashCommandRegistration(guildId, wanted, Overwritten: true);
    }

    private static string Scope(ulong? guildId) => guildId is { } g ? $"guild {g}" : "global";
}
