using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;
using MCPilot.Tools;

namespace MCPilot.Tests.Tools;

public sealed class EntityContextTests : IAsyncDisposable
{
    private readonly TestServices _services = new();

    private async Task<IEntityContext> ContextAsync(Entity template)
    {
        var entity = await _services.Registry.CreateAsync(template, TestContext.Current.CancellationToken);
        return _services.Get<EntityServerFactory>().CreateContext(entity.Id);
    }

    [Fact]
    public async Task EnsureChannelAllowed_PolicyAndThreads_Enforced()
    {
        var context = await ContextAsync(new Entity { Id = default, Name = "Ada", Guilds = [new(1, new ChannelPolicy { Allow = new HashSet<ulong> { 10 }, Deny = new HashSet<ulong> { 11 } })] });

        context.EnsureChannelAllowed(1, 10);
        context.EnsureChannelAllowed(1, 999, parentChannelId: 10);
        Assert.Contains("parent channel 11", Assert.Throws<EntityToolException>(() => context.EnsureChannelAllowed(1, 998, 11)).Message, StringComparison.Ordinal);
        Assert.Contains("channel 12", Assert.Throws<EntityToolException>(() => context.EnsureChannelAllowed(1, 12)).Message, StringComparison.Ordinal);
        var notMember = Assert.Throws<EntityToolException>(() => context.EnsureChannelAllowed(2, 10));
        Assert.Equal(ToolCallOutcome.Denied, notMember.Outcome);
        Assert.Contains("may not use channel 10: it is not a channel of Ada's servers", notMember.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("server 2", notMember.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("totally fine")]
    [InlineData("the SPOILER is out")]
    [InlineData("spo\u200Biler alert")]
    public async Task EnsureContentAllowed_BlockedPhrases_CaseAndZeroWidthInsensitive(string content)
    {
        var context = await ContextAsync(new Entity { Id = default, Name = "Ada", BlockedPhrases = ["spoiler"] });

        if (content == "totally fine")
        {
            context.EnsureContentAllowed(content);
        }
        else
        {
            Assert.Contains("\"spoiler\"", Assert.Throws<EntityToolException>(() => context.EnsureContentAllowed(content)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordSentAsync_GuildMessagesCountedPerGuildAndDay_AllStoredDurably()
    {
        var context = await ContextAsync(new Entity { Id = default, Name = "Ada" });

        await context.RecordSentAsync(7, 10, 1, TestContext.Current.CancellationToken);
        await context.RecordSentAsync(7, 10, 2, TestContext.Current.CancellationToken);
        await context.RecordSentAsync(null, 55, 3, TestContext.Current.CancellationToken);

        var today = DateOnly.FromDateTime(_services.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(new LeaderboardRow(context.EntityId, 2), Assert.Single(_services.Counters.CountsOn(7, today)));
        Assert.Empty(_services.Counters.CountsOn(7, today.AddDays(1)));
        var dm = await _services.SentMessages.FindAsync(3, TestContext.Current.CancellationToken);
        Assert.Equal(new SentMessage(3, context.EntityId, null, 55, _services.Time.GetUtcNow()), dm);
    }

    [Fact]
    public async Task Entity_Deleted_ToolErrorSaysSo()
    {
        var context = await ContextAsync(new Entity { Id = default, Name = "Ada" });

        await _services.Registry.DeleteAsync(context.EntityId, TestContext.Current.CancellationToken);

        Assert.Contains("deleted", Assert.Throws<EntityToolException>(() => context.Entity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonaPrompt_Render_IncludesPersonaLimitsAndBlockedPhrases()
    {
        var text = EntityPersonaPrompt.Render(new Entity { Id = EntityId.New(), Name = "Ada", Persona = "Speak like a Victorian mathematician.", BlockedPhrases = ["spoiler"] });

        Assert.Contains("You are Ada", text, StringComparison.Ordinal);
        Assert.Contains("Victorian mathematician", text, StringComparison.Ordinal);
        Assert.Contains("30 messages a minute", text, StringComparison.Ordinal);
        Assert.Contains("\"spoiler\"", text, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
