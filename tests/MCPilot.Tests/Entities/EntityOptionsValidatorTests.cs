using MCPilot.Entities;

namespace MCPilot.Tests.Entities;

public sealed class EntityOptionsValidatorTests
{
    private readonly EntityOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(_validator.Validate(null, new EntityOptions()).Succeeded);

    [Theory]
    [InlineData("shard-0_3.eu")]
    [InlineData("a")]
    public void Validate_FeedNodeOfAllowedCharacters_Succeeds(string node) =>
        Assert.True(_validator.Validate(null, new EntityOptions { Feeds = new EntityFeedOptions { Node = node } }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("ünïcode")]
    [InlineData("a/b")]
    public void Validate_FeedNodeWithOtherCharacters_FailsNamingTheSetting(string node)
    {
        var result = _validator.Validate(null, new EntityOptions { Feeds = new EntityFeedOptions { Node = node } });

        Assert.True(result.Failed);
        Assert.Contains("MCPilot:Entities:Feeds:Node", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FeedNodeTooLong_Fails() =>
        Assert.True(_validator.Validate(null, new EntityOptions { Feeds = new EntityFeedOptions { Node = new string('n', EntityFeedOptions.MaxNodeLength + 1) } }).Failed);

    [Theory]
    [InlineData("00:00:59", false)]
    [InlineData("00:01:00", true)]
    [InlineData("365.00:00:00", true)]
    [InlineData("366.00:00:00", false)]
    public void Validate_FeedRetention_MustBeFromAMinuteToAYear(string retention, bool valid)
    {
        var result = _validator.Validate(null, new EntityOptions { Feeds = new EntityFeedOptions { Retention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) } });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("MCPilot:Entities:Feeds:Retention", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_FeedsNull_FailsNamingTheSetting() =>
        Assert.Contains("MCPilot:Entities:Feeds", _validator.Validate(null, new EntityOptions { Feeds = null! }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_OwnMessageMemorySmallerThanFeed_FailsNamingBoth()
    {
        var result = _validator.Validate(null, new EntityOptions { FeedCapacity = 100, OwnMessageMemory = 99 });

        Assert.Contains("OwnMessageMemory", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("FeedCapacity", result.FailureMessage, StringComparison.Ordinal);
    }
}
