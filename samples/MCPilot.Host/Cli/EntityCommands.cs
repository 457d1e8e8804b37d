using System.CommandLine;
using MCPilot.Entities;
using MCPilot.Host.Cli.Views;

namespace MCPilot.Host.Cli;

/// <summary><c>entities create|list|show|update|delete</c>.</summary>
internal static class EntityCommands
{
    public static Command Build() => new("entities", "Create, list, show, change and delete AI entities.")
    {
        Create(),
        List(),
        Show(),
        Update(),
        Delete(),
    };

    /// <summary>The argument naming an entity: its id or its name.</summary>
    public static Argument<string> EntityArgument() => new("entity") { Description = "The entity's id or name." };

    private static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The display name its messages carry (1 to 80 characters)." };
        var guilds = new Option<string[]>("--guild") { Description = "A server (guild) id it joins, with every channel allowed (repeatable).", HelpName = "server-id" };
        var edit = new EntityEditOptions();
        var command = new Command("create", "Create an entity. Then issue it a key with `keys create`.") { name, guilds };
        foreach (var option in edit.All)
        {
            command.Add(option);
        }

        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var registry = session.Get<EntityRegistry>();
            var draft = new Entity
            {
                Id = default,
                Name = parse.GetValue(name)!,
                Guilds = [.. EntityEditOptions.Guilds(parse, guilds).Distinct().Select(g => new EntityGuildMembership(g, ChannelPolicy.AllowAll))],
            };
            var change = await edit.ReadChangeAsync(parse, cancellationToken);
            var created = await registry.CreateAsync(change(draft), cancellationToken);
            created = await edit.UploadAvatarAsync(registry, created, parse, cancellationToken);
            await session.NotifyEntityChangedAsync(created.Id, cancellationToken);
            await new EntityPresenter(session).ShowAsync(created, "Created entity", cancellationToken);
            return CliAction.Success;
        });
        return command;
    }

    private static Command List()
    {
        var guild = new Option<string>("--guild") { Description = "Only the entities present in this server (guild).", HelpName = "server-id" };
        var command = new Command("list", "List the entities.") { guild };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var entities = parse.GetValue(guild) is { } g
                ? await session.Get<IEntityStore>().ListByGuildAsync(CliParsers.Snowflake(g, "server"), cancellationToken)
                : await session.Get<EntityRegistry>().ListAsync(cancellationToken);
            await new EntityPresenter(session).ListAsync(entities, cancellationToken);
            return CliAction.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var entity = EntityArgument();
        var command = new Command("show", "Show an entity: its MCP URL, servers and channel policies, keys, limits and persona.") { entity };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var found = await EntityLookup.FindAsync(session.Get<EntityRegistry>(), parse.GetValue(entity)!, cancellationToken);
            await new EntityPresenter(session).ShowAsync(found, null, cancellationToken);
            return CliAction.Success;
        });
        return command;
    }

    private static Command Update()
    {
        var entity = EntityArgument();
        var name = new Option<string>("--name") { Description = "A new display name." };
        var addGuilds = new Option<string[]>("--add-guild") { Description = "Join a server (guild), with every channel allowed (repeatable).", HelpName = "server-id" };
        var removeGuilds = new Option<string[]>("--remove-guild") { Description = "Leave a server (guild) and drop its channel policy (repeatable).", HelpName = "server-id" };
        var unblock = new Option<string[]>("--unblock") { Description = "Remove a blocked phrase (repeatable).", HelpName = "phrase" };
        var edit = new EntityEditOptions();
        var command = new Command("update", "Change an entity; options not given stay as they are.") { entity, name, addGuilds, removeGuilds, unblock };
        foreach (var option in edit.All)
        {
            command.Add(option);
        }

        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            if (!edit.AnyGiven(parse) && new Option[] { name, addGuilds, removeGuilds, unblock }.All(o => parse.GetResult(o) is null))
            {
                throw new CliException("Nothing to change: give at least one option (see `entities update --help`).");
            }

            var registry = session.Get<EntityRegistry>();
            var found = await EntityLookup.FindAsync(registry, parse.GetValue(entity)!, cancellationToken);
            var joining = EntityEditOptions.Guilds(parse, addGuilds);
            var leaving = EntityEditOptions.Guilds(parse, removeGuilds);
            if (leaving.FirstOrDefault(g => found.Membership(g) is null) is var stranger && stranger != 0)
            {
                throw new CliException($"{found.Name} is not in server {stranger}, so it cannot leave it. `entities show {found.Id}` lists its servers.");
            }

            var unblocking = parse.GetValue(unblock) ?? [];
            var change = await edit.ReadChangeAsync(parse, cancellationToken);
            var updated = await registry.UpdateAsync(found.Id, current =>
            {
                var next = change(current);
                return next with
                {
                    Name = parse.GetValue(name) ?? next.Name,
                    Guilds = [.. next.Guilds.Where(g => !leaving.Contains(g.GuildId)),
                        .. joining.Distinct().Where(g => next.Membership(g) is null).Select(g => new EntityGuildMembership(g, ChannelPolicy.AllowAll))],
                    BlockedPhrases = [.. next.BlockedPhrases.Where(p => !unblocking.Contains(p, StringComparer.OrdinalIgnoreCase))],
                };
            }, cancellationToken);
            updated = await edit.UploadAvatarAsync(registry, updated, parse, cancellationToken);
            await session.NotifyEntityChangedAsync(updated.Id, cancellationToken);
            await new EntityPresenter(session).ShowAsync(updated, "Updated entity", cancellationToken);
            return CliAction.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var entity = EntityArgument();
        var yes = new Option<bool>("--yes") { Description = "Confirm: the entity, its keys, channel policies and counters are deleted for good." };
        var command = new Command("delete", "Delete an entity with its keys; MCP clients using it are disconnected.") { entity, yes };
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var registry = session.Get<EntityRegistry>();
            var found = await EntityLookup.FindAsync(registry, parse.GetValue(entity)!, cancellationToken);
            if (!parse.GetValue(yes))
            {
                throw new CliException($"Deleting {found.Name} ({found.Id}) removes it with its keys and channel policies, for good. Run again with --yes to confirm.");
            }

            await registry.DeleteAsync(found.Id, cancellationToken);
            await session.NotifyEntityChangedAsync(found.Id, cancellationToken);
            var output = session.Output;
            if (output.Json)
            {
                output.WriteJson(new DeletedView(found.Id.ToString(), found.Name, true), HostJson.Default.DeletedView);
            }
            else
            {
                output.Line($"Deleted entity {found.Name} ({found.Id}).");
            }

            return CliAction.Success;
        });
        return command;
    }
}
