using MCPilot.Discord.Models;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// The bot's slash commands by type and name, as Discord tells them apart (a name is unique per
/// command type in a scope). Two commands of the same type and name are refused at start: Discord
/// would answer the registration with 400, and only one of them could ever run.
/// </summary>
internal static class SlashCommandCatalog
{
    /// <summary>Indexes <paramref name="commands"/>.</summary>
    /// <exception cref="InvalidOperationException">Two commands share a type and name; the message names both and where they came from.</exception>
    public static IReadOnlyDictionary<(ApplicationCommandType Type, string Name), ISlashCommand> Index(IEnumerable<ISlashCommand> commands)
    {
        var index = new Dictionary<(ApplicationCommandType, string), ISlashCommand>();
        foreach (var command in commands)
        {
            var definition = command.Definition;
            var key = (definition.Type ?? ApplicationCommandType.ChatInput, definition.Name);
            if (!index.TryAdd(key, command))
            {
                throw new InvalidOperationException(
                    $"Two slash commands are named '{definition.Name}' ({key.Item1}): {Origin(index[key])} and {Origin(command)}, both added as ISlashCommand " +
                    "(builder.AddSlashCommand<T>() or a service registration). Discord allows a name once per command type and would refuse to register them. " +
                    "Rename one (its Definition.Name) or remove one of the registrations.");
            }
        }

        return index;
    }

    /// <summary>The key an invocation is looked up by: its data's type (chat input when absent) and name.</summary>
    public static (ApplicationCommandType Type, string Name) KeyOf(ApplicationCommandType? type, string name) => (type ?? ApplicationCommandType.ChatInput, name);

    private static string Origin(ISlashCommand command) => command.GetType().FullName ?? command.GetType().Name;
}
