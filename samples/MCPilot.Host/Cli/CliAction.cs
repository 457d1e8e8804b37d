using System.CommandLine;
using System.Data.Common;
using MCPilot.Entities;
using MCPilot.Host.Composition;
using MCPilot.Storage;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Cli;

/// <summary>
/// Runs a command against the host's service graph and turns every failure the operator can fix
/// into one message on the error stream and exit code 1.
/// </summary>
internal static class CliAction
{
    /// <summary>Exit code of a command that did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a command that failed (the error stream says why and what to do).</summary>
    public const int Failure = 1;

    /// <summary>Sets <paramref name="command"/>'s action: open a <see cref="CliSession"/>, bring the schema up to date (unless <paramref name="ensureSchema"/> is false), run <paramref name="handler"/>.</summary>
    public static void SetHandler(this Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> handler, bool ensureSchema = true)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = parse.InvocationConfiguration;
            var output = new CliOutput(configuration.Output, configuration.Error, parse.GetValue(CliOptions.Json));
            try
            {
                await using var session = CliSession.Open(parse, output);
                if (ensureSchema)
                {
                    await session.EnsureSchemaAsync(cancellationToken);
                }

                return await handler(session, parse, cancellationToken);
            }
            catch (Exception e) when (Describe(e) is { } message)
            {
                await output.Error.WriteLineAsync("error: " + message);
                return Failure;
            }
        });
    }

    /// <summary>The operator-facing message of a failure they can fix; <see langword="null"/> for a bug (which propagates with its stack).</summary>
    public static string? Describe(Exception e) => e switch
    {
        CliException or HostConfigurationException or StoreException => e.Message,
        EntityValidationException v => string.Join(Environment.NewLine + "       ", v.Errors),
        OptionsValidationException o => WrongSettings(o.Failures),
        DbException => $"the database cannot be reached: {e.Message} Check MCPilot:Storage (provider, connection string) and that the database server is running.",
        AggregateException a => DescribeAll(a.Flatten().InnerExceptions),
        _ => null,
    };

    // Validation at start reports every options type that failed, each in its own exception.
    private static string? DescribeAll(IReadOnlyCollection<Exception> errors)
    {
        if (errors.Count == 0)
        {
            return null;
        }

        if (errors.All(e => e is OptionsValidationException))
        {
            return WrongSettings(errors.SelectMany(e => ((OptionsValidationException)e).Failures));
        }

        var messages = errors.Select(Describe).ToList();
        return messages.All(m => m is not null) ? string.Join(Environment.NewLine, messages.Distinct(StringComparer.Ordinal)) : null;
    }

    private static string WrongSettings(IEnumerable<string> failures)
    {
        var distinct = failures.Distinct(StringComparer.Ordinal).ToList();
        return (distinct.Count == 1 ? "a setting is wrong:" : $"{distinct.Count} settings are wrong:") + string.Concat(distinct.Select(f => Environment.NewLine + "  - " + f));
    }
}
