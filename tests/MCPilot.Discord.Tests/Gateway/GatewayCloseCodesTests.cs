using MCPilot.Discord.Gateway;

namespace MCPilot.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(null, GatewayReconnectAction.Resume)]
    [InlineData(1000, GatewayReconnectAction.Resume)]
    [InlineData(4000, GatewayReconnectAction.Resume)]
    [InlineData(4001, GatewayReconnectAction.Resume)]
    [InlineData(4002, GatewayReconnectAction.Resume)]
    [InlineData(4003, GatewayReconnectAction.Resume)]
    [InlineData(4005, GatewayReconnectAction.Resume)]
    [InlineData(4008, GatewayReconnectAction.Resume)]
    [InlineData(4007, GatewayReconnectAction.Identify)]
    [InlineData(4009, GatewayReconnectAction.Identify)]
    [InlineData(4004, GatewayReconnectAction.Stop)]
    [InlineData(4010, GatewayReconnectAction.Stop)]
    [InlineData(4011, GatewayReconnectAction.Stop)]
    [InlineData(4012, GatewayReconnectAction.Stop)]
    [InlineData(4013, GatewayReconnectAction.Stop)]
    [InlineData(4014, GatewayReconnectAction.Stop)]
    public void ActionFor_DiscordsTable(int? code, GatewayReconnectAction expected) => Assert.Equal(expected, GatewayCloseCodes.ActionFor(code));

    [Fact]
    public void Describe_DisallowedIntents_NamesEachRequestedPrivilegedIntent()
    {
        Assert.Contains("the MESSAGE_CONTENT intent is not enabled", GatewayCloseCodes.Describe(4014, GatewayIntents.Default), StringComparison.Ordinal);
        var both = GatewayCloseCodes.Describe(4014, GatewayIntents.Default | GatewayIntents.GuildMembers);
        Assert.Contains("MESSAGE_CONTENT", both, StringComparison.Ordinal);
        Assert.Contains("GUILD_MEMBERS", both, StringComparison.Ordinal);
        Assert.Contains("MCPilot:Discord:Gateway:Intents", both, StringComparison.Ordinal);
    }
}
