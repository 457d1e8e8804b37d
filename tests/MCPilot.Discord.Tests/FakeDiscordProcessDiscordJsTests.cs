using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MCPilot.Testing.Tests.FakeDiscord;

namespace MCPilot.Discord.Tests;

/// <summary>
/// FakeDiscord as users run it, its own process (<c>samples/MCPilot.FakeDiscord</c>), with an
/// unmodified discord.js from npm logging in to it over REST and the Gateway.
/// </summary>
public sealed class FakeDiscordProcessDiscordJsTests
{
    [Fact]
    public async Task DiscordJs_AgainstFakeDiscordsOwnProcess_LogsIn_SeesTheDemo_SendsAndHearsItsMessage()
    {
        var fake = await FakeDiscordProcess.StartAsync(TestContext.Current.CancellationToken);
        await using (fake)
        {
            var general = fake.DemoGeneralChannelId.ToString(CultureInfo.InvariantCulture);
            await using var bot = NodeScript.Start("discordjs-bot.mjs", new Uri(fake.BaseUrl, "api").ToString(), fake.BotToken, general);

            var ready = await bot.NextAsync("ready");
            Assert.Equal(fake.BotUserId.ToString(CultureInfo.InvariantCulture), ready["user"]!.GetValue<string>());
            var guild = Assert.Single(ready["guilds"]!.AsArray())!;
            Assert.Equal(fake.DemoGuildId.ToString(CultureInfo.InvariantCulture), guild["id"]!.GetValue<string>());
            Assert.Contains(guild["channels"]!.AsArray(), c => c!["id"]!.GetValue<string>() == general && c["name"]!.GetValue<string>() == "general");

            var sent = await bot.NextAsync("sent");
            var heard = await bot.NextAsync("message", m => m["id"]!.GetValue<string>() == sent["id"]!.GetValue<string>());
            Assert.Equal(("hello from discord.js", true, general), (heard["content"]!.GetValue<string>(), heard["bot"]!.GetValue<bool>(), heard["channel"]!.GetValue<string>()));

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fake.ApiBaseUrl, $"channels/{general}/messages"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", fake.BotToken);

            // As Discord requires (the recording of this exchange is checked against its spec).
            request.Headers.UserAgent.ParseAdd("DiscordBot (https://github.com/mcpilot/mcpilot, 0.1.0)");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            var messages = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
            Assert.Contains(messages, m => m!["id"]!.GetValue<string>() == sent["id"]!.GetValue<string>() && m["author"]!["id"]!.GetValue<string>() == ready["user"]!.GetValue<string>());
        }

        Assert.True(fake.HasExited);
    }
}
