using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>
/// The test of FakeDiscord's fidelity: an unmodified discord.js (from npm) logs in over REST and
/// the Gateway, sees its guilds and channels, sends, hears a "human" and replies.
/// </summary>
public sealed class DiscordJsFidelityTests
{
    [Fact]
    public async Task DiscordJs_LogsIn_SeesGuildsAndMessages_Sends()
    {
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions(), TestContext.Current.CancellationToken);
        var demo = server.State.SeedDemo();
        await using var bot = NodeScript.Start("discordjs-bot.mjs", new Uri(server.BaseUrl, "api").ToString(), server.BotToken, demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var ready = await bot.NextAsync("ready");
        Assert.Equal(server.State.BotUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ready["user"]!.GetValue<string>());
        var guild = Assert.Single(ready["guilds"]!.AsArray())!;
        Assert.Equal(demo.Guild.Name, guild["name"]!.GetValue<string>());
        var channels = guild["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("general", channels);
        Assert.Contains("ideas", channels);
        Assert.Contains(demo.Thread.Name, channels);
        var thread = guild["channels"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == demo.Thread.Name)!;
        Assert.Equal(demo.General.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), thread["parentId"]!.GetValue<string>());

        var sent = await bot.NextAsync("sent");
        var stored = server.State.GetMessages(demo.General.Id).Single(m => m.Content == "hello from discord.js");
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent["id"]!.GetValue<string>());
        Assert.Equal(server.State.BotUser.Id, stored.AuthorId);

        var ping = server.State.PostUserMessage(demo.General.Id, demo.Alice.Id, "ping");
        var heard = await bot.NextAsync("message", m => m["content"]!.GetValue<string>() == "ping");
        Assert.Equal(ping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), heard["id"]!.GetValue<string>());
        Assert.False(heard["bot"]!.GetValue<bool>());

        var replied = await bot.NextAsync("replied");
        var reply = server.State.GetMessages(demo.General.Id).Single(m => m.Content == "pong");
        Assert.Equal(ping.Id, reply.ReplyToId);
        Assert.Equal(ping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), replied["reference"]!.GetValue<string>());
        await bot.NextAsync("done");
        Assert.Equal(0, await bot.ExitCodeAsync());
        Assert.Equal(1, server.Gateway.Identifies);
    }
}
