using System.Text.Json;
using MCPilot.Discord.Interactions;
using MCPilot.Discord.Models;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Tests.Interactions;

public sealed class SlashCommandFingerprintTests
{
    private static readonly ApplicationCommandDefinition Talk = new()
    {
        Name = "talk",
        Description = "Choose the entity your DMs go to.",
        Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "entity", Description = "Its name.", Required = true }],
    };

    private static readonly ApplicationCommandDefinition Status = new() { Name = "status", Description = "Gateway and entity status.", DefaultMemberPermissions = DiscordPermissions.ManageGuild };

    [Fact]
    public void Of_DefinitionsAndDiscordsAnswer_Match_WhateverTheOrderAndDefaults()
    {
        var answer = JsonSerializer.Deserialize<IReadOnlyList<ApplicationCommand>>("""
            [{"id":"1","application_id":"2","version":"3","type":1,"name":"status","description":"Gateway and entity status.","default_member_permissions":"32","nsfw":false,"integration_types":[0],"contexts":null},
             {"id":"4","application_id":"2","version":"5","type":1,"name":"talk","description":"Choose the entity your DMs go to.","options":[{"type":3,"name":"entity","description":"Its name.","required":true}],"default_member_permissions":null,"nsfw":false,"integration_types":[0]}]
            """, DiscordJson.Options)!;
        Assert.Equal(SlashCommandFingerprint.Of([Talk, Status]), SlashCommandFingerprint.Of(answer));
        Assert.Equal(SlashCommandFingerprint.Of([Status, Talk]), SlashCommandFingerprint.Of([Talk, Status]));
    }

    [Fact]
    public void Of_AnyMeaningfulChange_ChangesTheFingerprint()
    {
        var baseline = SlashCommandFingerprint.Of([Talk, Status]);
        Assert.NotEqual(baseline, SlashCommandFingerprint.Of([Talk]));
        Assert.NotEqual(baseline, SlashCommandFingerprint.Of([Talk, new ApplicationCommandDefinition { Name = "status", Description = "Gateway and entity status." }]));
        Assert.NotEqual(baseline, SlashCommandFingerprint.Of([new ApplicationCommandDefinition { Name = "talk", Description = "Choose the entity your DMs go to.", Options = [new() { Type = ApplicationCommandOptionType.String, Name = "entity", Description = "Its name." }] }, Status]));
    }

    [Theory]
    [InlineData("""[0,1,2]""")]
    [InlineData("""[2,0,1]""")]
    [InlineData("""null""")]
    public void Of_ContextsUnset_MatchesDiscordsDefaultContexts(string contexts)
    {
        var answer = JsonSerializer.Deserialize<IReadOnlyList<ApplicationCommand>>($$"""
            [{"id":"1","application_id":"2","version":"3","type":1,"name":"status","description":"Gateway and entity status.","default_member_permissions":"32","nsfw":false,"integration_types":[0],"contexts":{{contexts}}},
             {"id":"4","application_id":"2","version":"5","type":1,"name":"talk","description":"Choose the entity your DMs go to.","options":[{"type":3,"name":"entity","description":"Its name.","required":true}],"nsfw":false,"integration_types":[0],"contexts":{{contexts}}}]
            """, DiscordJson.Options)!;
        Assert.Equal(SlashCommandFingerprint.Of([Talk, Status]), SlashCommandFingerprint.Of(answer));
        Assert.NotEqual(SlashCommandFingerprint.Of([Talk, Status]), SlashCommandFingerprint.Of([Talk, new ApplicationCommandDefinition { Name = Status.Name, Description = Status.Description, DefaultMemberPermissions = Status.DefaultMemberPermissions, Contexts = [0] }]));
    }
}
