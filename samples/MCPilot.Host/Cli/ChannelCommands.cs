using System.CommandLine;
using System.Globalization;
using MCPilot.Entities;
using MCPilot.Host.Cli.Views;

namespace MCPilot.Host.Cli;

/// <summary>
/// <c>channels allow|deny|list</c>: the channels an entity may use in each server (guild). An empty
/// allow-list means every channel; a deny always wins; threads follow their parent channel.
/// </summary>
internal static class ChannelCommands
{
    public static Command Build() => new("channels", "Choose which channels of a server (guild) an entity may use.")
    {
        Allow(),
        Deny(),
        List(),
    };

    private static Command Allow()
    {
        var entity = EntityCommands.EntityArgument();
        var channels = ChannelsArgument();
        var guild = GuildOption();
        var all = new Option<bool>("--all") { Description = "Allow every channel of the server (empties the allow-list; denied channels stay denied)." };
        var remove = new Option<bool>("--remove") { Description = "Take the channels off the allow-list instead." };
        var command = new Command("allow", "Allow channels: the entity then uses only its allowed channels in that server (joining the server if needed).") { entity, channels, guild, all, remove };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var ids = ChannelIds(parse, channels);
            var everything = parse.GetValue(all);
            var removing = parse.GetValue(remove);
            if (everything == (ids.Count > 0) || (everything && removing))
            {
                throw new CliException("Give channel ids to allow (or with --remove, to take off the allow-list), or --all to allow every channel, not both.");
            }

            return await ChangeAsync(session, parse, entity, guild, joinIfMissing: !removing, (entityName, guildId, policy) =>
            {
                if (everything)
                {
                    return policy with { Allow = new HashSet<ulong>() };
                }

                if (!removing)
                {
                    return new ChannelPolicy { Allow = policy.Allow.Union(ids).ToHashSet(), Deny = policy.Deny.Except(ids).ToHashSet() };
                }

                var remaining = policy.Allow.Except(ids).ToHashSet();
                return remaining.Count > 0 || policy.Allow.Count == 0
                    ? policy with { Allow = remaining }
                    : throw new CliException(string.Create(CultureInfo.InvariantCulture,
                        $"That would empty {entityName}'s allow-list in server {guildId}, and an empty allow-list allows every channel. To keep it out of the server, `entities update {entityName} --remove-guild {guildId}`; to allow every channel, `channels allow {entityName} --all --guild {guildId}`."));
            }, cancellationToken);
        });
        return command;
    }

    private static Command Deny()
    {
        var entity = EntityCommands.EntityArgument();
        var channels = ChannelsArgument();
        var guild = GuildOption();
        var remove = new Option<bool>("--remove") { Description = "Take the channels off the deny-list instead." };
        var command = new Command("deny", "Deny channels (and their threads) to an entity; a deny wins over any allow.") { entity, channels, guild, remove };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var ids = ChannelIds(parse, channels);
            if (ids.Count == 0)
            {
                throw new CliException("Give the ids of the channels to deny (or with --remove, to take off the deny-list).");
            }

            var removing = parse.GetValue(remove);
            return await ChangeAsync(session, parse, entity, guild, joinIfMissing: false, (_, _, policy) =>
                policy with { Deny = removing ? policy.Deny.Except(ids).ToHashSet() : policy.Deny.Union(ids).ToHashSet() }, cancellationToken);
        });
        return command;
    }

    private static Command List()
    {
        var entity = EntityCommands.EntityArgument();
        var command = new Command("list", "List an entity's servers and the channels it may use in each.") { entity };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var found = await EntityLookup.FindAsync(session.Get<EntityRegistry>(), parse.GetValue(entity)!, cancellationToken);
            var output = session.Output;
            if (output.Json)
            {
                output.WriteJson<IReadOnlyList<GuildPolicyView>>([.. found.Guilds.Select(GuildPolicyView.From)], HostJson.Default.IReadOnlyListGuildPolicyView);
                return CliAction.Success;
            }

            if (found.Guilds.Count == 0)
            {
                output.Line($"{found.Name} is in no server. Allow it channels with `channels allow {found.Id} <channel-id> --guild <server-id>`.");
                return CliAction.Success;
            }

            var table = new TextTable("server", "may use");
            foreach (var membership in found.Guilds)
            {
                table.Add(membership.GuildId.ToString(CultureInfo.InvariantCulture), GuildPolicyView.Describe(membership.Policy));
            }

            table.WriteTo(output.Out);
            return CliAction.Success;
        });
        return command;
    }

    private static Argument<string[]> ChannelsArgument() => new("channels") { Description = "Channel ids (or <#id> mentions).", Arity = ArgumentArity.ZeroOrMore };

    private static Option<string> GuildOption() => new("--guild") { Description = "The server (guild) id; optional when the entity is in exactly one server.", HelpName = "server-id" };

    private static HashSet<ulong> ChannelIds(ParseResult parse, Argument<string[]> channels) =>
        [.. (parse.GetValue(channels) ?? []).Select(c => CliParsers.Snowflake(c, "channel"))];

    private static async Task<int> ChangeAsync(
        CliSession session, ParseResult parse, Argument<string> entity, Option<string> guild, bool joinIfMissing,
        Func<string, ulong, ChannelPolicy, ChannelPolicy> change, CancellationToken cancellationToken)
    {
        var registry = session.Get<EntityRegistry>();
        var found = await EntityLookup.FindAsync(registry, parse.GetValue(entity)!, cancellationToken);
        var guildId = parse.GetValue(guild) is { } g ? CliParsers.Snowflake(g, "server") : OnlyGuild(found);
        if (!joinIfMissing && found.Membership(guildId) is null)
        {
            throw new CliException($"{found.Name} is not in server {guildId}. Allow it channels there first with `channels allow {found.Id} <channel-id> --guild {guildId}`.");
        }

        var updated = await registry.UpdateAsync(found.Id, current =>
        {
            var membership = current.Membership(guildId);
            var policy = change(current.Name, guildId, membership?.Policy ?? ChannelPolicy.AllowAll);
            var next = membership is null ? new EntityGuildMembership(guildId, policy) : membership with { Policy = policy };
            return current with { Guilds = [.. current.Guilds.Select(m => m.GuildId == guildId ? next : m), .. membership is null ? [next] : Array.Empty<EntityGuildMembership>()] };
        }, cancellationToken);
        await session.NotifyEntityChangedAsync(updated.Id, cancellationToken);

        var result = updated.Membership(guildId)!;
        var output = session.Output;
        if (output.Json)
        {
            output.WriteJson(GuildPolicyView.From(result), HostJson.Default.GuildPolicyView);
        }
        else
        {
            output.Line(string.Create(CultureInfo.InvariantCulture, $"{updated.Name} in server {guildId} may use {GuildPolicyView.Describe(result.Policy)}."));
        }

        return CliAction.Success;
    }

    private static ulong OnlyGuild(Entity entity) => entity.Guilds.Count switch
    {
        1 => entity.Guilds[0].GuildId,
        0 => throw new CliException($"{entity.Name} is in no server yet: say which with --guild <server-id>."),
        _ => throw new CliException($"{entity.Name} is in {entity.Guilds.Count} servers ({string.Join(", ", entity.Guilds.Select(m => m.GuildId))}): say which with --guild <server-id>."),
    };
}
