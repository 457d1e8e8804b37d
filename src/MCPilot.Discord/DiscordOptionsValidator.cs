using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord;

/// <summary>Cross-field validation of <see cref="DiscordOptions"/>: every message names the setting and the fix.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        var token = options.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            failures.Add($"No Discord bot token is configured. Set MCPilot:Discord:Token or the {DiscordOptions.TokenEnvironmentVariable} environment variable to the token from the Discord Developer Portal (your application > Bot > Reset Token).");
        }
        else if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("MCPilot:Discord:Token starts with 'Bot ' or 'Bearer ': give the bare token; MCPilot adds the 'Bot ' prefix itself.");
        }
        else if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("MCPilot:Discord:Token contains spaces or line breaks: copy the token again, without surrounding quotes or whitespace.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"MCPilot:Discord:ApiBaseUrl must be an absolute http or https URL such as {DiscordOptions.DefaultApiBaseUrl} (or FakeDiscord's http://127.0.0.1:<port>/api/v10/).");
        }

        Check(options.Rest, "MCPilot:Discord:Rest", failures);
        Check(options.Webhooks, "MCPilot:Discord:Webhooks", failures);
        var webhookName = options.Webhooks.WebhookName ?? "";
        if (webhookName.Contains("discord", StringComparison.OrdinalIgnoreCase) || webhookName.Contains("clyde", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("MCPilot:Discord:Webhooks:WebhookName may not contain 'discord' or 'clyde' (Discord rejects such webhook names). Pick another name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object section, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
