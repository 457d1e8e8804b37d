using System.Globalization;
using System.Text.Json;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// One invocation of a slash command: who ran it where, with which options and permissions, and
/// how to answer. <see cref="ReplyAsync(string, bool?, CancellationToken)"/> always does the right
/// thing: the first answer is the interaction's response (or completes a deferred one), later
/// ones are follow-ups. Safe to use from several tasks.
/// </summary>
public sealed class SlashCommandContext
{
    private readonly IDiscordRestClient _rest;
    private readonly SemaphoreSlim _responding = new(1, 1);
    private bool _originalCompleted;
    private bool _deferredEphemeral;

    internal SlashCommandContext(Interaction interaction, IDiscordRestClient rest, bool ephemeral)
    {
        Interaction = interaction;
        _rest = rest;
        DefaultEphemeral = ephemeral;
        (Subcommand, Options) = Flatten(interaction.Data?.Options);
    }

    /// <summary>The interaction (its token is a secret: never log it).</summary>
    public Interaction Interaction { get; }

    /// <summary>The command's name.</summary>
    public string CommandName => Interaction.Data?.Name ?? "";

    /// <summary>The subcommand path (e.g. "keys create"), or null.</summary>
    public string? Subcommand { get; }

    /// <summary>The options the user gave (those of the subcommand, when one was used).</summary>
    public IReadOnlyList<InteractionDataOption> Options { get; }

    /// <summary>The guild it was run in, or null in a DM.</summary>
    public ulong? GuildId => Interaction.GuildId;

    /// <summary>The channel it was run in.</summary>
    public ulong? ChannelId => Interaction.ChannelId ?? Interaction.Channel?.Id;

    /// <summary>The user who ran it.</summary>
    public User User => Interaction.InvokingUser ?? new User();

    /// <summary>The member who ran it, in a guild.</summary>
    public GuildMember? Member => Interaction.Member;

    /// <summary>The invoker's permissions in the channel, as Discord computed them (none in a DM).</summary>
    public DiscordPermissions Permissions => Interaction.Member?.Permissions ?? DiscordPermissions.None;

    /// <summary>Whether replies default to ephemeral (the command's choice).</summary>
    public bool DefaultEphemeral { get; }

    /// <summary>How far the interaction has been answered.</summary>
    public InteractionResponseState State { get; private set; }

    /// <summary>Whether the invoker has every permission in <paramref name="permissions"/> (Administrator has all).</summary>
    public bool HasPermission(DiscordPermissions permissions)
        => Permissions.HasFlag(DiscordPermissions.Administrator) || (Permissions & permissions) == permissions;

    /// <summary>
    /// Throws a <see cref="SlashCommandException"/> telling the user which permission they lack,
    /// unless they have it (e.g. <see cref="DiscordPermissions.ManageGuild"/>, "Manage Server").
    /// </summary>
    public void RequirePermission(DiscordPermissions permissions, string permissionName)
    {
        if (GuildId is null)
        {
            throw new SlashCommandException($"/{CommandName} works only in a server.");
        }

        if (!HasPermission(permissions))
        {
            throw new SlashCommandException($"You need the {permissionName} permission to use /{CommandName}.");
        }
    }

    /// <summary>An option by name, or null.</summary>
    public InteractionDataOption? GetOption(string name) => Options.FirstOrDefault(o => o.Name == name);

    /// <summary>A string option, or null.</summary>
    public string? GetString(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>An integer option, or null.</summary>
    public long? GetInteger(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var i) ? i : null;

    /// <summary>A number option, or null.</summary>
    public double? GetNumber(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    /// <summary>A boolean option, or null.</summary>
    public bool? GetBoolean(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>A user, channel, role or mentionable option's id, or null.</summary>
    public ulong? GetSnowflake(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.String } v
        && ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A user option, resolved, or null.</summary>
    public User? GetUser(string name) => GetSnowflake(name) is { } id && Interaction.Data?.Resolved?.Users?.TryGetValue(id, out var user) == true ? user : null;

    /// <summary>A channel option, resolved (partial), or null.</summary>
    public Channel? GetChannel(string name) => GetSnowflake(name) is { } id && Interaction.Data?.Resolved?.Channels?.TryGetValue(id, out var channel) == true ? channel : null;

    /// <summary>
    /// Answers with a message: the interaction's response the first time (or the completion of a
    /// deferred one), a follow-up after that.
    /// </summary>
    /// <param name="content">The text (up to 2000 characters); mentions do not ping.</param>
    /// <param name="ephemeral">Seen only by the invoker; null uses the command's default. A deferred response keeps the ephemerality it was deferred with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ReplyAsync(string content, bool? ephemeral = null, CancellationToken cancellationToken = default)
        => ReplyAsync(new InteractionCallbackData { Content = content, AllowedMentions = AllowedMentions.None }, ephemeral, cancellationToken);

    /// <summary>Answers with a message built by the caller (embeds, components).</summary>
    public async Task ReplyAsync(InteractionCallbackData message, bool? ephemeral = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var isEphemeral = ephemeral ?? DefaultEphemeral;
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            switch (State)
            {
                case InteractionResponseState.None:
                    var data = WithEphemeral(message, isEphemeral);
                    await _rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = data }, cancellationToken).ConfigureAwait(false);
                    State = InteractionResponseState.Replied;
                    _originalCompleted = true;
                    break;
                case InteractionResponseState.Deferred when !_originalCompleted:
                    await _rest.EditOriginalInteractionResponseAsync(Interaction.ApplicationId, Interaction.Token, new EditWebhookMessageRequest
                    {
                        Content = message.Content,
                        Embeds = message.Embeds is { } embeds ? new Optional<IReadOnlyList<Embed>?>(embeds) : default,
                        AllowedMentions = message.AllowedMentions ?? AllowedMentions.None,
                        Components = message.Components is { } components ? new Optional<IReadOnlyList<JsonElement>?>(components) : default,
                    }, cancellationToken).ConfigureAwait(false);
                    _originalCompleted = true;
                    State = InteractionResponseState.Replied;
                    break;
                default:
                    await FollowupCoreAsync(message, isEphemeral, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            _responding.Release();
        }
    }

    /// <summary>Defers the answer ("thinking..."); a later reply completes it. Does nothing once answered.</summary>
    /// <param name="ephemeral">Whether the eventual answer is ephemeral; null uses the command's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task DeferAsync(bool? ephemeral = null, CancellationToken cancellationToken = default)
    {
        await _responding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State != InteractionResponseState.None)
            {
                return;
            }

            _deferredEphemeral = ephemeral ?? DefaultEphemeral;
            await _rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, InteractionResponse.Defer(_deferredEphemeral), cancellationToken).ConfigureAwait(false);
            State = InteractionResponseState.Deferred;
        }
        finally
        {
            _responding.Release();
        }
    }

    /// <summary>Sends a follow-up message (available for 15 minutes after the interaction).</summary>
    /// <param name="content">The text; mentions do not ping.</param>
    /// <param name="ephemeral">Seen only by the invoker.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Message> FollowupAsync(string content, bool ephemeral = false, CancellationToken cancellationToken = default)
        => FollowupCoreAsync(new InteractionCallbackData { Content = content, AllowedMentions = AllowedMentions.None }, ephemeral, cancellationToken);

    /// <summary>Whether a deferred answer was never completed (the command returned without replying).</summary>
    internal bool DeferredWithoutAnswer => State == InteractionResponseState.Deferred && !_originalCompleted;

    /// <summary>Whether the deferral was ephemeral.</summary>
    internal bool DeferredEphemeral => _deferredEphemeral;

    private Task<Message> FollowupCoreAsync(InteractionCallbackData message, bool ephemeral, CancellationToken cancellationToken)
        => _rest.CreateFollowupMessageAsync(Interaction.ApplicationId, Interaction.Token, new ExecuteWebhookRequest
        {
            Content = message.Content,
            Embeds = message.Embeds,
            AllowedMentions = message.AllowedMentions ?? AllowedMentions.None,
            Components = message.Components,
            Flags = ephemeral ? (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : message.Flags,
        }, cancellationToken);

    private static InteractionCallbackData WithEphemeral(InteractionCallbackData message, bool ephemeral) => new()
    {
        Tts = message.Tts,
        Content = message.Content,
        Embeds = message.Embeds,
        AllowedMentions = message.AllowedMentions ?? AllowedMentions.None,
        Components = message.Components,
        Flags = ephemeral ? (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : message.Flags,
        Choices = message.Choices,
        CustomId = message.CustomId,
        Title = message.Title,
    };

    private static (string? Subcommand, IReadOnlyList<InteractionDataOption> Options) Flatten(IReadOnlyList<InteractionDataOption>? options)
    {
        string? path = null;
        var current = options ?? [];
        while (current is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } group])
        {
            path = path is null ? group.Name : path + " " + group.Name;
            current = group.Options ?? [];
        }

        return (path, current);
    }
}
