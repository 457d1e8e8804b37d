using MCPilot.Discord.Models;

namespace MCPilot.Discord.Interactions;

/// <summary>
/// A slash command the bot offers. Add it with <c>builder.AddSlashCommand&lt;T&gt;()</c>: it is
/// registered with Discord at start (only when its definition changed) and every invocation by
/// name runs <see cref="ExecuteAsync"/>. When it takes longer than
/// <see cref="SlashCommandOptions.DeferAfter"/>, MCPilot defers the answer for it, and its
/// <see cref="SlashCommandContext.ReplyAsync(string, bool?, CancellationToken)"/> then completes the deferred one.
/// </summary>
public interface ISlashCommand
{
    /// <summary>The command as Discord shows it: name, description, options, default permissions.</summary>
    ApplicationCommandDefinition Definition { get; }

    /// <summary>Whether replies (and an automatic deferral) are ephemeral, seen only by the invoker. Default false.</summary>
    bool Ephemeral => false;

    /// <summary>
    /// Runs the command. Throw <see cref="SlashCommandException"/> to tell the user what went wrong
    /// (shown ephemerally); any other exception is logged and answered with a generic message.
    /// </summary>
    ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken);
}
