using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Interactions;

/// <summary>Log messages of slash commands. None carries an interaction token.</summary>
internal static partial class InteractionLog
{
    [LoggerMessage(200, LogLevel.Information, "Slash commands ({Scope}): Discord already has these {Count} commands (fingerprint {Fingerprint}); no overwrite sent")]
    public static partial void RegistrationUnchanged(ILogger logger, string scope, int count, string fingerprint);

    [LoggerMessage(201, LogLevel.Information, "Slash commands ({Scope}): registered {Count} commands by bulk overwrite (fingerprint {Fingerprint}): {Names}")]
    public static partial void Registered(ILogger logger, string scope, int count, string fingerprint, string names);

    [LoggerMessage(202, LogLevel.Error, "Slash commands ({Scope}): registration failed; the commands may be missing or outdated until the next start")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception, string scope);

    [LoggerMessage(203, LogLevel.Warning, "Slash command /{Command} is not one this bot offers (an outdated registration?)")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(204, LogLevel.Information, "Slash command /{Command} took longer than {DeferAfter}: answer deferred")]
    public static partial void Deferred(ILogger logger, string command, TimeSpan deferAfter);

    [LoggerMessage(205, LogLevel.Error, "Slash command /{Command} failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(206, LogLevel.Warning, "Slash command /{Command}: the answer could not be sent ({Error})")]
    public static partial void AnswerFailed(ILogger logger, string command, string error);

    [LoggerMessage(207, LogLevel.Warning, "Slash command /{Command} returned without replying; MCPilot answered for it")]
    public static partial void NoReply(ILogger logger, string command);

    [LoggerMessage(208, LogLevel.Information, "Slash command /{Command} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string command, string reason);
}
