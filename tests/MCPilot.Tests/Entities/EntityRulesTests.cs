using MCPilot.Entities;

namespace MCPilot.Tests.Entities;

public sealed class EntityRulesTests
{
    [Theory]
    [InlineData("Ada")]
    [InlineData("Professor Ada Lovelace")]
    [InlineData("Ωmega-7 🤖")]
    public void CheckName_ValidNames_NoErrors(string name) => Assert.Empty(EntityRules.CheckName(name));

    [Theory]
    [InlineData("", "Name is required")]
    [InlineData("   ", "Name is required")]
    [InlineData("DiscordBot", "\"discord\"")]
    [InlineData("my clyde", "\"clyde\"")]
    [InlineData("everyone", "reserved")]
    [InlineData("a@b", "'@'")]
    [InlineData("a#1", "'#'")]
    [InlineData("x:y", "':'")]
    [InlineData("code```", "'```'")]
    [InlineData("zero\u200Bwidth", "zero-width")]
    public void CheckName_InvalidName_NamesTheProblem(string name, string expected)
    {
        var errors = EntityRules.CheckName(name);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckName_TooLong_SaysTheLimit()
    {
        var errors = EntityRules.CheckName(new string('a', 81));

        Assert.Contains(errors, e => e.Contains("at most 80", StringComparison.Ordinal));
    }

    [Fact]
    public void NormalizeName_ExtraWhitespace_Collapsed() => Assert.Equal("Ada Lovelace", EntityRules.NormalizeName("  Ada \t  Lovelace "));

    [Fact]
    public void Validate_ManyProblems_ListsEveryOne()
    {
        var entity = new Entity
        {
            Id = EntityId.New(),
            Name = "discord",
            AvatarUrl = new Uri("ftp://example.com/a.png"),
            Guilds = [new(5, ChannelPolicy.AllowAll), new(5, ChannelPolicy.AllowAll)],
            ToolAllowList = new HashSet<string> { "bad name!" },
            RateLimits = new EntityRateLimits { SendsPerMinute = 0 },
        };

        var error = Assert.Throws<EntityValidationException>(() => EntityRules.Validate(entity));

        Assert.Contains(error.Errors, e => e.Contains("discord", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("AvatarUrl", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("guild 5 twice", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("ToolAllowList", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("RateLimits.SendsPerMinute", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://cdn.example.com/ada.png")]
    [InlineData("http://127.0.0.1:5180/mcpilot/avatars/a.png")]
    [InlineData("http://localhost/a.png")]
    [InlineData("http://[::1]/a.png")]
    public void Validate_AvatarUrlHttpsOrLoopbackHttp_Accepted(string url)
    {
        var entity = new Entity { Id = EntityId.New(), Name = "Ada", AvatarUrl = new Uri(url) };

        EntityRules.Validate(entity);

        Assert.True(EntityRules.IsAvatarUrlAllowed(entity.AvatarUrl));
    }

    [Theory]
    [InlineData("http://cdn.example.com/ada.png")]
    [InlineData("http://192.168.1.10/ada.png")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("file:///tmp/a.png")]
    public void Validate_AvatarUrlPublicHttpOrOtherScheme_RefusedSayingTheRule(string url)
    {
        var entity = new Entity { Id = EntityId.New(), Name = "Ada", AvatarUrl = new Uri(url) };

        var error = Assert.Throws<EntityValidationException>(() => EntityRules.Validate(entity));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith("AvatarUrl must be an absolute https URL", message, StringComparison.Ordinal);
        Assert.Contains("plain http only for a loopback host", message, StringComparison.Ordinal);
        Assert.False(EntityRules.IsAvatarUrlAllowed(entity.AvatarUrl!));
    }
}
