using System.Net;
using MCPilot.Activity;
using MCPilot.Discord.RateLimiting;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.DiscordTools;

namespace MCPilot.Tests.DiscordTools;

public sealed class DiscordToolErrorsTests
{
    [Theory]
    [InlineData(DiscordErrorCodes.UnknownMessage, HttpStatusCode.NotFound, ToolCallOutcome.InvalidArguments, "read_messages shows message ids")]
    [InlineData(DiscordErrorCodes.UnknownEmoji, HttpStatusCode.BadRequest, ToolCallOutcome.InvalidArguments, "use a Unicode emoji")]
    [InlineData(DiscordErrorCodes.MissingPermissions, HttpStatusCode.Forbidden, ToolCallOutcome.Failed, "A server admin must grant it")]
    [InlineData(DiscordErrorCodes.CannotMessageUser, HttpStatusCode.Forbidden, ToolCallOutcome.Failed, "closed their direct messages")]
    [InlineData(DiscordErrorCodes.ThreadArchived, HttpStatusCode.BadRequest, ToolCallOutcome.Failed, "archived")]
    [InlineData(0, HttpStatusCode.BadGateway, ToolCallOutcome.Failed, "server error (HTTP 502)")]
    public void Translate_DiscordRefusal_ToolErrorThatSaysWhatToDo(int code, HttpStatusCode status, ToolCallOutcome outcome, string expected)
    {
        var error = DiscordToolErrors.Translate(new DiscordRestException("raw", status, code, "Discord's words", "POST /x"))!;

        Assert.Equal(outcome, error.Outcome);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("POST /x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_RateLimited_SaysWhenToRetry()
    {
        var error = DiscordToolErrors.Translate(new DiscordRateLimitedException("POST /webhooks", RateLimitScope.Shared, TimeSpan.FromSeconds(2.2), "too long"))!;

        Assert.Equal(ToolCallOutcome.RateLimited, error.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(2.2), error.RetryAfter);
        Assert.Contains("Retry in 3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_WebhookEngineRefusal_KeepsItsExplanation() =>
        Assert.Equal("Grant Manage Webhooks.", DiscordToolErrors.Translate(new WebhookIdentityException("Grant Manage Webhooks.", 5))!.Message);

    [Fact]
    public void Translate_OtherException_NotTranslated() => Assert.Null(DiscordToolErrors.Translate(new InvalidOperationException("bug")));
}
