using MCPilot.Host;
using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<HostAppOptions>().BindConfiguration(HostAppOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
var dataDirectory = builder.Configuration[$"{HostAppOptions.SectionName}:DataDirectory"] is { Length: > 0 } d ? d : "data";
var generatedSecret = PlaygroundSecret.EnsureConfigured(builder.Configuration, dataDirectory);

builder.Services.AddMCPilot();
builder.Services.AddHealthChecks();

var app = builder.Build();
if (generatedSecret is not null)
{
    HostLog.GeneratedPlaygroundSecret(app.Logger, generatedSecret);
}

app.MapHealthChecks("/healthz", new() { ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK } });
app.MapGet("/", () => Results.Text("MCPilot host is running. Health: /healthz\n"));

await app.RunAsync().ConfigureAwait(false);

/// <summary>The host's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
