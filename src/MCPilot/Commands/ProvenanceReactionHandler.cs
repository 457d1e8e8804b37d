using System.Text;
using MCPilot.Discord.Gateway;
using MCPilot.Discord.Gateway.Cache;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Commands;

/// <summary>
/// Provenance, as PluralKit offers it for its proxies: a member who reacts ❓ to an entity's message
/// gets a DM saying which entity posted it, who owns that entity, and a link back. Which entity sent
/// which message comes from <see cref="ISentMessageStore"/> (webhook messages of all entities share
/// one webhook, so nothing else can tell). Each member has an allowance
/// (<see cref="EntityCommandOptions.ProvenanceBurst"/>, then one per
/// <see cref="EntityCommandOptions.ProvenanceInterval"/>) so reactions cannot be turned into a DM
/// stream; reactions to other messages, by bots, or in DMs are ignored.
/// </summary>
internal sealed class ProvenanceReactionHandler : IGatewayEventHandler<MessageReactionAddEvent>
{
    private readonly ISentMessageStore _sent;
    private readonly IEntityStore _entities;
    private readonly IDiscordRestClient _rest;
    private readonly IDiscordCache _cache;
    private readonly EntityCommandOptions _options;
    private readonly HashSet<string> _emoji;
    private readonly MemberAllowance _allowance;
    private readonly ILogger _logger;

    public ProvenanceReactionHandler(ISentMessageStore sent, IEntityStore entities, IDiscordRestClient rest, IDiscordCache cache, IOptions<EntityCommandOptions> options, TimeProvider time, ILogger<ProvenanceReactionHandler> logger)
    {
        _sent = sent;
        _entities = entities;
        _rest = rest;
        _cache = cache;
        _options = options.Value;
        _emoji = new HashSet<string>(_options.ProvenanceEmoji.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()), StringComparer.Ordinal);
        _allowance = new MemberAllowance(_options.ProvenanceBurst, _options.ProvenanceInterval, time);
        _logger = logger;
    }

    public async ValueTask HandleAsync(MessageReactionAddEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (!_options.Provenance
            || gatewayEvent.GuildId is not { } guildId
            || gatewayEvent.Emoji.Id is not null
            || gatewayEvent.Emoji.Name is not { } emoji || !_emoji.Contains(emoji)
            || gatewayEvent.Member?.User?.Bot == true
            || gatewayEvent.UserId == _cache.CurrentUserId)
        {
            return;
        }

        if (await _sent.FindAsync(gatewayEvent.MessageId, cancellationToken).ConfigureAwait(false) is not { } sent)
        {
            return;
        }

        if (!_allowance.TryTake(gatewayEvent.UserId))
        {
            EntityCommandLog.ProvenanceLimited(_logger, gatewayEvent.UserId, gatewayEvent.MessageId);
            return;
        }

        var entity = await _entities.GetAsync(sent.EntityId, cancellationToken).ConfigureAwait(false);
        var text = await DescribeAsync(sent, entity, guildId, cancellationToken).ConfigureAwait(false);
        try
        {
            var dm = await _rest.CreateDmChannelAsync(gatewayEvent.UserId, cancellationToken).ConfigureAwait(false);
            await _rest.CreateMessageAsync(dm.Id, new CreateMessageRequest { Content = text, AllowedMentions = AllowedMentions.None }, cancellationToken).ConfigureAwait(false);
            EntityCommandLog.ProvenanceSent(_logger, gatewayEvent.UserId, sent.EntityId, gatewayEvent.MessageId);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException)
        {
            EntityCommandLog.ProvenanceDmFailed(_logger, gatewayEvent.UserId, gatewayEvent.MessageId, e.Message);
        }
    }

    private async Task<string> DescribeAsync(SentMessage sent, Entity? entity, ulong guildId, CancellationToken cancellationToken)
    {
        var link = $"https://discord.com/channels/{sent.GuildId ?? guildId}/{sent.ChannelId}/{sent.MessageId}";
        var when = $"<t:{sent.At.ToUnixTimeSeconds()}:f>";
        if (entity is null)
        {
            return $"That message ({link}, {when}) was posted by an AI entity that has since been deleted (id {sent.EntityId}).";
        }

        var text = new StringBuilder()
            .Append("That message in <#").Append(sent.ChannelId).Append("> (").Append(when).Append(") was posted by **")
            .Append(entity.Name).Append("**, an AI entity speaking through this bot.\n")
            .Append("Owner: ").Append(await OwnerAsync(entity, guildId, cancellationToken).ConfigureAwait(false)).Append('\n');
        if (!string.IsNullOrWhiteSpace(entity.Description))
        {
            text.Append("About ").Append(entity.Name).Append(": ").Append(entity.Description.Trim()).Append('\n');
        }

        return text.Append(link).ToString();
    }

    /// <summary>The owner's name in the server and mention, falling back to the mention alone when the member cannot be read.</summary>
    private async Task<string> OwnerAsync(Entity entity, ulong guildId, CancellationToken cancellationToken)
    {
        if (entity.OwnerUserId is not { } owner)
        {
            return EntityPolicyText.Owner(entity) + " (no member owns it)";
        }

        try
        {
            var member = await _rest.GetGuildMemberAsync(guildId, owner, cancellationToken).ConfigureAwait(false);
            var name = member.Nick ?? member.User?.GlobalName ?? member.User?.Username;
            return name is null ? $"<@{owner}>" : $"**{name}** (<@{owner}>)";
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException)
        {
            return $"<@{owner}>";
        }
    }
}
