using BenchmarkDotNet.Running;
using MCPilot.Benchmarks.Discord;
using MCPilot.Benchmarks.Endpoints;

// dotnet run -c Release --project benchmarks/MCPilot.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/MCPilot.Benchmarks -- endpoint-load [--sessions 64] [--seconds 10] [--channels 8]   (whoami, read_messages, send_message vs raw Kestrel, FakeDiscord limits off)
// dotnet run -c Release --project benchmarks/MCPilot.Benchmarks -- discord-webhooks [--executions 1000] [--channels 5] [--identities 10]
if (args.Length > 0 && args[0] == "endpoint-load")
{
    return await EndpointLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == WebhookThroughputLoad.Command)
{
    return await WebhookThroughputLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
