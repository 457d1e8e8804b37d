using MCPilot.Discord.Gateway;
using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Tests.Discord;

/// <summary>With <c>MCPilot:Entities:Commands:Provenance=false</c> the ❓ reaction does nothing, and the reactions intent is not added.</summary>
public sealed class ProvenanceDisabledTests() : ConnectedPlayground("--MCPilot:Entities:Commands:Provenance=false")
{
    [Fact]
    public async Task QuestionMark_ProvenanceOff_NoReactionsIntentAndNoDm()
    {
        var intents = Host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Intents;
        var session = Assert.Single(Host.Playground.Server.Gateway.Sessions);
        Assert.False(intents.HasFlag(GatewayIntents.GuildMessageReactions));
        Assert.Equal(0, session.Intents & (int)GatewayIntents.GuildMessageReactions);

        var posted = await Host.Services.GetRequiredService<IWebhookIdentityEngine>().ExecuteAsIdentityAsync(World.General.Id, new WebhookIdentity("Ada"), "Ada speaking", cancellationToken: TestContext.Current.CancellationToken);
        var message = posted.Messages[^1].Id;
        await Host.Services.GetRequiredService<ISentMessageStore>().RecordAsync(new SentMessage(message, Host.Demo.Entity.Id, World.Guild.Id, World.General.Id, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var before = Sequence();

        State.AddUserReaction(World.General.Id, message, World.Alice.Id, "❓");
        State.PostUserMessage(World.General.Id, World.Bob.Id, "after the reaction");

        // The bot gets Bob's message and nothing before it: the reaction is not sent to a bot without the intent.
        await Eventually.WaitAsync(() => Sequence() > before, "Bob's message to reach the bot");
        Assert.Equal(before + 1, Sequence());
        Assert.Null(State.GetDmChannel(World.Alice.Id));
    }

    private long Sequence() => Assert.Single(Host.Playground.Server.Gateway.Sessions).Sequence;
}
