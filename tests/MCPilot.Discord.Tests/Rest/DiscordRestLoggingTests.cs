using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Tests.Rest;

/// <summary>Webhook and interaction tokens travel in the URL path; nothing MCPilot composes may log them.</summary>
public sealed class DiscordRestLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebhookAndInteractionRoutes_LoggedAtTrace_NeverShowTheirTokens()
    {
        var logs = new ListLoggerProvider();
        await using var h = await DiscordHarness.StartAsync(logging: logs);
        var webhook = await h.Client.CreateWebhookAsync(h.Demo.General.Id, new CreateWebhookRequest { Name = "hook" }, Ct);
        var token = webhook.Token!;

        // A lost answer makes the execution log its retry and its reconcile as well.
        h.Fake.Faults.FailNext(1, 502, "POST /webhooks/{webhook_id}/{webhook_token}", afterProcessing: true);
        var posted = await h.Client.ExecuteWebhookAsync(webhook.Id, token, new ExecuteWebhookRequest { Content = "hello", Username = "Nova" }, null, Ct);
        await h.Client.EditWebhookMessageAsync(webhook.Id, token, posted.Id, new EditWebhookMessageRequest { Content = "edited" }, null, Ct);
        await h.Client.DeleteWebhookMessageAsync(webhook.Id, token, posted.Id, null, Ct);

        var app = await h.Client.GetApplicationIdAsync(Ct);
        var interaction = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "status");
        await h.Client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer(), Ct);
        await h.Client.CreateFollowupMessageAsync(app, interaction.Token, new ExecuteWebhookRequest { Content = "follow-up" }, Ct);
        await h.Client.EditOriginalInteractionResponseAsync(app, interaction.Token, new EditWebhookMessageRequest { Content = "done" }, Ct);

        // The requests were logged (by route template), at Trace and above...
        Assert.Contains(logs.Entries, e => e.Message.Contains("POST /webhooks/{webhook_id}/{webhook_token}", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("POST /webhooks/{application_id}/{interaction_token}", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("Retrying", StringComparison.Ordinal));

        // ...and no message, exception or scope carries either token.
        foreach (var secret in new[] { token, Uri.EscapeDataString(token), interaction.Token, Uri.EscapeDataString(interaction.Token) })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Scopes, s => s.Contains(secret, StringComparison.Ordinal));
        }
    }
}
