using System.Globalization;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Host.Composition;
using MCPilot.Host.Server;

namespace MCPilot.Host.Discord;

/// <summary>
/// Checks the bot token before anything connects (<c>GET /users/@me</c>): a rejected token stops
/// the start with what to do, before the host listens. When Discord cannot be reached the start
/// goes on (the Gateway retries). With real Discord, once the host listens, it prints the link
/// that invites the bot to a server with the permissions MCPilot needs.
/// </summary>
internal sealed partial class DiscordSignIn(IDiscordRestClient rest, HostSettings settings, HostRuntime runtime, HostConsole console, ILogger<DiscordSignIn> logger) : IHostedLifecycleService
{
    /// <summary>What MCPilot needs in a server: see channels and history, post (also in threads) and embed, react, and manage the webhooks entities post through.</summary>
    public const DiscordPermissions InvitePermissions =
        DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.SendMessagesInThreads
        | DiscordPermissions.ReadMessageHistory | DiscordPermissions.EmbedLinks | DiscordPermissions.AddReactions
        | DiscordPermissions.ManageWebhooks;

    /// <summary>The bot's user, once signed in.</summary>
    public User? Bot { get; private set; }

    /// <summary>The link that adds the bot (with its slash commands) to a server.</summary>
    public static Uri InviteUrl(ulong applicationId) => new(string.Create(CultureInfo.InvariantCulture,
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={(ulong)InvitePermissions}"));

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            Bot = await rest.GetCurrentUserAsync(cancellationToken);
            LogSignedIn(logger, Bot.Username, Bot.Id);
        }
        catch (DiscordAuthenticationException e)
        {
            throw new HostConfigurationException(e.Message, e);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, e.Message);
        }

        if (settings.Mode == HostMode.Discord)
        {
            _ = PrintInviteWhenListeningAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintInviteWhenListeningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runtime.Started;
            var applicationId = await rest.GetApplicationIdAsync(cancellationToken);
            await console.Out.WriteLineAsync(
                $"MCPilot is on Discord as {Bot?.Username ?? "the bot"}. Invite it to a server (with its slash commands): {InviteUrl(applicationId)}{Environment.NewLine}" +
                $"Then add entities: entities create <name> --guild <server id>; the host serves them at {runtime.LocalUrl}mcp/<entity id>.");
            await console.Out.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            LogInviteFailed(logger, e.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Discord: signed in as {Username} ({UserId})")]
    private static partial void LogSignedIn(ILogger logger, string username, ulong userId);

    [LoggerMessage(2, LogLevel.Warning, "Discord could not be reached to check the bot token ({Error}); starting anyway: the Gateway keeps trying")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(3, LogLevel.Warning, "Could not print the bot's invite link ({Error})")]
    private static partial void LogInviteFailed(ILogger logger, string error);
}
