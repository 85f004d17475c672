using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;

namespace Chanjing.Emulator.Tokens;

/// <summary>
/// Access tokens: one current token per app id (issuing a new one invalidates the previous, as the real service does),
/// expiry on the emulator's clock, and the optional per-token request rate. Thread-safe.
/// </summary>
internal sealed class TokenRegistry(ChanjingEmulatorOptions options, string appId)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Window, int Count)> _rates = new(StringComparer.Ordinal);
    private int _issued;

    public int Issued => Volatile.Read(ref _issued);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public EmulatorResponse Issue(JsonObject body)
    {
        var requestedAppId = body["app_id"]?.GetValueKind() == JsonValueKind.String ? (string?)body["app_id"] : null;
        var secret = body["secret_key"]?.GetValueKind() == JsonValueKind.String ? (string?)body["secret_key"] : null;
        if (string.IsNullOrEmpty(requestedAppId) || string.IsNullOrEmpty(secret))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: app_id 和 secret_key 必填", null);
        }

        if (requestedAppId != appId || secret != options.SecretKey)
        {
            return EmulatorResponse.Envelope(40000, "app_id 或 secret_key 错误", null);
        }

        lock (_gate)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
            var expires = (Now + options.TokenLifetime).ToUnixTimeSeconds();
            _tokens[appId] = (token, DateTimeOffset.FromUnixTimeSeconds(expires));
            _issued++;
            return EmulatorResponse.Ok(new JsonObject { ["access_token"] = token, ["expire_in"] = expires });
        }
    }

    /// <summary>Checks the <c>access_token</c> header (and the per-token rate): null when the call may proceed.</summary>
    public EmulatorResponse? Authenticate(string? token)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(appId, out var current) || current.Token != token || current.ExpiresAt <= Now)
            {
                return EmulatorResponse.Envelope(10400, "AccessToken验证失败", null);
            }

            if (options.RequestsPerSecondPerToken is { } limit)
            {
                var window = Now.ToUnixTimeMilliseconds() / 1000;
                var count = _rates.TryGetValue(token, out var r) && r.Window == window ? r.Count + 1 : 1;
                _rates[token] = (window, count);
                if (count > limit)
                {
                    return EmulatorResponse.Envelope(40001, "请求超过QPS限制", null);
                }
            }

            return null;
        }
    }

    /// <summary>Invalidates the current token, as another process fetching a new one would.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _tokens.Remove(appId);
        }
    }
}
