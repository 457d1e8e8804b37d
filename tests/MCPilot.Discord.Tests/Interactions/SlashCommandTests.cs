using System.Text.Json;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MCPilot.Discord.Tests.Interactions;

public sealed class SlashCommandTests
{
    private static void Commands(IMCPilotBuilder builder) => builder
        .AddSlashCommand<EchoCommand>()
        .AddSlashCommand<SlowCommand>()
        .AddSlashCommand<ManageCommand>()
        .AddSlashCommand<BrokenCommand>();

    [Fact]
    public async Task Start_RegistersCommands_ThenSkipsWhenUnchanged()
    {
        await using (var h = await GatewayHarness.StartAsync(compose: Commands))
        {
            await GatewayHarness.WaitUntilAsync(() => h.State.GetCommands().Count == 4, "the commands are registered");
            Assert.Equal(["broken", "echo", "manage", "slow"], h.State.GetCommands().Select(c => c.Name).Order());
            var registrar = h.Services.GetRequiredService<SlashCommandRegistrar>();
            var again = Assert.Single(await registrar.RegisterAsync(TestContext.Current.CancellationToken));
            Assert.False(again.Overwritten);
            Assert.Equal(1, h.Fake.Exchanges.Count(e => e.Method == "PUT" && e.Route == "/applications/{application_id}/commands"));

            var changed = await registrar.RegisterAsync(null, [.. registrar.Definitions, new ApplicationCommandDefinition { Name = "extra", Description = "One more." }], TestContext.Current.CancellationToken);
            Assert.True(changed.Overwritten);
            Assert.Equal(5, h.State.GetCommands().Count);
        }
    }

    [Fact]
    public async Task GuildScope_RegistersInEachConfiguredGuild_NotGlobally()
    {
        const ulong GuildId = (2_000_000UL << 22) | 5;
        await using var h = await GatewayHarness.StartAsync(compose: Commands, gateway: o => o.Commands.GuildIds.Add(GuildId), seed: s => s.State.CreateGuild("commands here", id: GuildId));
        await GatewayHarness.WaitUntilAsync(() => h.State.GetCommands(GuildId).Count == 4, "the guild's commands are registered");
        Assert.Empty(h.State.GetCommands());
        Assert.Empty(h.State.GetCommands(h.Demo!.Guild.Id));
    }

    [Fact]
    public async Task Invocation_RunsCommandWithOptions_RepliesWithinWindow()
    {
        await using var h = await GatewayHarness.StartAsync(compose: Commands);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var interaction = h.State.CreateInteraction(h.Demo!.General.Id, h.Demo.Alice.Id, "echo", new Dictionary<string, object> { ["text"] = "hi there", ["times"] = 2 });
        await GatewayHarness.WaitUntilAsync(() => h.State.GetInteraction(interaction.Id)!.ResponseType is not null, "the interaction is answered");
        var answered = h.State.GetInteraction(interaction.Id)!;
        Assert.Equal(4, answered.ResponseType);
        var reply = h.State.GetMessage(answered.OriginalMessageId!.Value)!;
        Assert.Equal($"hi there hi there (from {h.Demo.Alice.Id})", reply.Content);
        Assert.Equal(0, reply.Flags & 64);
    }

    [Fact]
    public async Task SlowCommand_IsDeferredInTime_ThenCompletedAndFollowedUpEphemerally()
    {
        await using var h = await GatewayHarness.StartAsync(compose: Commands);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var interaction = h.State.CreateInteraction(h.Demo!.General.Id, h.Demo.Alice.Id, "slow");
        await GatewayHarness.WaitUntilAsync(() => h.State.GetInteraction(interaction.Id)!.FollowupMessageIds.Count == 1, "the follow-up is sent");
        var answered = h.State.GetInteraction(interaction.Id)!;
        Assert.Equal(5, answered.ResponseType);
        Assert.Equal("finally done", h.State.GetMessage(answered.OriginalMessageId!.Value)!.Content);
        var followup = h.State.GetMessage(answered.FollowupMessageIds[0])!;
        Assert.Equal("and a private note", followup.Content);
        Assert.Equal(64, followup.Flags & 64);
    }

    [Fact]
    public async Task ManageCommand_WithoutManageServer_IsRefusedEphemerally_OwnerIsServed()
    {
        await using var h = await GatewayHarness.StartAsync(compose: Commands);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var refused = h.State.CreateInteraction(h.Demo!.General.Id, h.Demo.Bob.Id, "manage");
        var allowed = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "manage");
        await GatewayHarness.WaitUntilAsync(() => h.State.GetInteraction(refused.Id)!.ResponseType is not null && h.State.GetInteraction(allowed.Id)!.ResponseType is not null, "both are answered");
        var no = h.State.GetMessage(h.State.GetInteraction(refused.Id)!.OriginalMessageId!.Value)!;
        Assert.Equal("You need the Manage Server permission to use /manage.", no.Content);
        Assert.Equal(64, no.Flags & 64);
        var yes = h.State.GetMessage(h.State.GetInteraction(allowed.Id)!.OriginalMessageId!.Value)!;
        Assert.Equal("managed", yes.Content);
    }

    [Fact]
    public async Task FailingAndUnknownCommands_AnswerEphemerallyWithoutLeakingDetails()
    {
        await using var h = await GatewayHarness.StartAsync(compose: Commands);
        await h.Client.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var broken = h.State.CreateInteraction(h.Demo!.General.Id, h.Demo.Alice.Id, "broken");
        var unknown = h.State.CreateInteraction(h.Demo.General.Id, h.Demo.Alice.Id, "vanished");
        await GatewayHarness.WaitUntilAsync(() => h.State.GetInteraction(broken.Id)!.ResponseType is not null && h.State.GetInteraction(unknown.Id)!.ResponseType is not null, "both are answered");
        var failed = h.State.GetMessage(h.State.GetInteraction(broken.Id)!.OriginalMessageId!.Value)!;
        Assert.Equal("Something went wrong running /broken. The bot's log has the details.", failed.Content);
        Assert.DoesNotContain("secret detail", failed.Content, StringComparison.Ordinal);
        Assert.Equal(64, failed.Flags & 64);
        var stale = h.State.GetMessage(h.State.GetInteraction(unknown.Id)!.OriginalMessageId!.Value)!;
        Assert.StartsWith("/vanished is not a command this bot offers", stale.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_DiscordAnswersTheDefaultContexts_ForCommandsWithoutThem_NoOverwrite()
    {
        await using var h = await GatewayHarness.StartAsync();
        var rest = h.Services.GetRequiredService<IDiscordRestClient>();
        await rest.BulkOverwriteGlobalCommandsAsync([new ApplicationCommandDefinition { Name = "status", Description = "Gateway status.", Contexts = [0, 1, 2] }], TestContext.Current.CancellationToken);
        Assert.Equal([0, 1, 2], (await rest.GetGlobalCommandsAsync(TestContext.Current.CancellationToken)).Single().Contexts);

        var registrar = h.Services.GetRequiredService<SlashCommandRegistrar>();
        var again = await registrar.RegisterAsync(null, [new ApplicationCommandDefinition { Name = "status", Description = "Gateway status." }], TestContext.Current.CancellationToken);
        Assert.False(again.Overwritten);
        Assert.Equal(1, h.Fake.Exchanges.Count(e => e.Method == "PUT" && e.Route == "/applications/{application_id}/commands"));
    }

    [Fact]
    public void DuplicateName_FailsAtStart_NamingTheCommandAndBothRegistrations()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMCPilot()
            .AddDiscordRest(o => o.Token = "abc.def.ghi")
            .AddSlashCommand<EchoCommand>()
            .AddSlashCommand<SlowCommand>()
            .AddSlashCommand<SecondEchoCommand>();
        using var provider = services.BuildServiceProvider();

        // What a host does first at start: build its hosted services (the Gateway's registers the commands).
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetServices<IHostedService>().ToList());
        Assert.Contains("Two slash commands are named 'echo' (ChatInput)", e.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(EchoCommand).FullName!, e.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(SecondEchoCommand).FullName!, e.Message, StringComparison.Ordinal);
        Assert.Contains("Rename one", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(SlowCommand).FullName!, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameNameOfAnotherCommandType_IsNoDuplicate()
    {
        var index = SlashCommandCatalog.Index([new EchoCommand(), new EchoUserCommand()]);
        Assert.IsType<EchoCommand>(index[(ApplicationCommandType.ChatInput, "echo")]);
        Assert.IsType<EchoUserCommand>(index[SlashCommandCatalog.KeyOf(ApplicationCommandType.User, "echo")]);
        Assert.IsType<EchoCommand>(index[SlashCommandCatalog.KeyOf(null, "echo")]);
    }

    private sealed class SecondEchoCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new() { Name = "echo", Description = "Another echo." };

        public ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class EchoUserCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new() { Name = "echo", Type = ApplicationCommandType.User };

        public ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class EchoCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new()
        {
            Name = "echo",
            Description = "Repeats what you say.",
            Options =
            [
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "text", Description = "What to say.", Required = true },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = "times", Description = "How often.", MinValue = 1, MaxValue = 5 },
            ],
        };

        public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
        {
            var text = string.Join(' ', Enumerable.Repeat(context.GetString("text"), (int)(context.GetInteger("times") ?? 1)));
            await context.ReplyAsync($"{text} (from {context.User.Id})", cancellationToken: cancellationToken);
        }
    }

    private sealed class SlowCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new() { Name = "slow", Description = "Takes its time." };

        public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(900), cancellationToken);
            Assert.Equal(InteractionResponseState.Deferred, context.State);
            await context.ReplyAsync("finally done", cancellationToken: cancellationToken);
            await context.ReplyAsync("and a private note", ephemeral: true, cancellationToken);
        }
    }

    private sealed class ManageCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new() { Name = "manage", Description = "Needs Manage Server.", DefaultMemberPermissions = DiscordPermissions.ManageGuild };

        public bool Ephemeral => true;

        public async ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken)
        {
            context.RequirePermission(DiscordPermissions.ManageGuild, "Manage Server");
            await context.ReplyAsync("managed", cancellationToken: cancellationToken);
        }
    }

    private sealed class BrokenCommand : ISlashCommand
    {
        public ApplicationCommandDefinition Definition { get; } = new() { Name = "broken", Description = "Always fails.", Options = [new() { Type = ApplicationCommandOptionType.String, Name = "mode", Description = "How.", Choices = [new() { Name = "Loud", Value = JsonSerializer.SerializeToElement("loud") }] }] };

        public ValueTask ExecuteAsync(SlashCommandContext context, CancellationToken cancellationToken) => throw new InvalidOperationException("secret detail");
    }
}
