namespace MCPilot.Host.Composition;

/// <summary>A setting the host reads before its services exist is wrong; the message names it and the fix.</summary>
internal sealed class HostConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
