using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Emulator.Http;

/// <summary>
/// The base address the emulator hands out (in output, upload and file URLs), discovered from the server once it
/// listens. Shared by the in-process and the standalone hosts. A wildcard binding (<c>0.0.0.0</c>, <c>[::]</c>,
/// <c>+</c>, <c>*</c>) is not an address a client can call: it becomes <c>127.0.0.1</c>.
/// </summary>
internal static class EmulatorAddress
{
    public static Uri Discover(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The emulator's server reports no address.");
        return Callable(address);
    }

    public static Uri Callable(string address)
    {
        var builder = new UriBuilder(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        var host = builder.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            // Kestrel binds [::] dual-mode, so IPv4 loopback reaches both kinds of wildcard.
            builder.Host = "127.0.0.1";
        }

        builder.Path = builder.Path.TrimEnd('/') + "/";
        return builder.Uri;
    }
}
