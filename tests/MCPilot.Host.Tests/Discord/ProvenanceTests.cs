using MCPilot.Discord.Webhooks;
using MCPilot.Entities;
using MCPilot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Discord;

/// <summary>The ❓ reaction: a member asks who posted an entity's message and gets a DM saying so.</summary>
// A burst of 2, then one an hour: the third ask in a row is ignored.
public sealed class ProvenanceTests() : ConnectedPlayground("--MCPilot:Entities:Commands:ProvenanceBurst=2", "--MCPilot:Entities:Commands:ProvenanceInterval=01:00:00")
{
    [Fact]
    public async Task QuestionMark_OnAnEntitysMessage_DmsWhichEntityAndItsOwner()
    {
        var ada = await Host.Services.GetRequiredService<EntityRegistry>().UpdateAsync(Host.Demo.Entity.Id, e => e with { OwnerUserId = World.Bob.Id }, TestContext.Current.CancellationToken);
        var message = await PostAsAsync(ada, World.Thread.Id, "Hello from Ada");

        State.AddUserReaction(World.Thread.Id, message, World.Alice.Id, "❓");

        var dm = Assert.Single(await DmsAsync(World.Alice, 1));
        Assert.Contains($"That message in <#{World.Thread.Id}>", dm.Content, StringComparison.Ordinal);
        Assert.Contains("was posted by **Ada**, an AI entity", dm.Content, StringComparison.Ordinal);
        Assert.Contains($"Owner: **Bob** (<@{World.Bob.Id}>)", dm.Content, StringComparison.Ordinal);
        Assert.Contains($"https://discord.com/channels/{World.Guild.Id}/{World.Thread.Id}/{message}", dm.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(State.GetMessages(World.Thread.Id), m => m.AuthorId == State.BotUser.Id);
    }

    [Fact]
    public async Task QuestionMark_OnOtherMessages_OrOtherEmoji_SendsNothing()
    {
        var entityMessage = await PostAsAsync(Host.Demo.Entity, World.General.Id, "Ada speaking");
        var human = State.PostUserMessage(World.General.Id, World.Bob.Id, "just Bob");

        State.AddUserReaction(World.General.Id, human.Id, World.Alice.Id, "❓");
        State.AddUserReaction(World.General.Id, entityMessage, World.Alice.Id, "👍");
        State.AddUserReaction(World.General.Id, entityMessage, World.Bob.Id, "❔");

        // Reactions are handled in order: once Bob's answer is there, Alice's reactions were handled.
        await DmsAsync(World.Bob, 1);
        Assert.Null(State.GetDmChannel(World.Alice.Id));
    }

    [Fact]
    public async Task QuestionMark_PastTheMembersAllowance_Ignored()
    {
        var first = await PostAsAsync(Host.Demo.Entity, World.General.Id, "one");
        var second = await PostAsAsync(Host.Demo.Entity, World.General.Id, "two");
        var third = await PostAsAsync(Host.Demo.Entity, World.General.Id, "three");

        State.AddUserReaction(World.General.Id, first, World.Alice.Id, "❓");
        State.AddUserReaction(World.General.Id, second, World.Alice.Id, "❓");
        State.AddUserReaction(World.General.Id, third, World.Alice.Id, "❓");
        State.AddUserReaction(World.General.Id, third, World.Bob.Id, "❓");

        await DmsAsync(World.Bob, 1);
        var alice = await DmsAsync(World.Alice, 2);
        Assert.Equal(2, alice.Count);
        Assert.Contains(alice, m => m.Content.Contains($"/{first}", StringComparison.Ordinal));
        Assert.Contains(alice, m => m.Content.Contains($"/{second}", StringComparison.Ordinal));
    }

    /// <summary>Posts as the entity through the webhook identity engine and records it as the entity's, as send_message does.</summary>
    private async Task<ulong> PostAsAsync(Entity entity, ulong channelId, string content)
    {
        var posted = await Host.Services.GetRequiredService<IWebhookIdentityEngine>().ExecuteAsIdentityAsync(channelId, new WebhookIdentity(entity.Name), content, cancellationToken: TestContext.Current.CancellationToken);
        var id = posted.Messages[^1].Id;
        await Host.Services.GetRequiredService<ISentMessageStore>().RecordAsync(new SentMessage(id, entity.Id, World.Guild.Id, channelId, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        return id;
    }

    private async Task<IReadOnlyList<FakeMessage>> DmsAsync(FakeUser user, int atLeast) =>
        await Eventually.WaitAsync(
            () => State.GetDmChannel(user.Id) is { } dm && State.GetMessages(dm.Id) is { Count: var n } messages && n >= atLeast ? messages : null,
            $"{atLeast} DM(s) to {user.Username}");
}
