namespace Chanjing.Sdk.Internal.Products;

/// <summary>The service's "does not exist" refusals (code 40000 with a text saying so) as <see cref="ChanjingNotFoundException"/>.</summary>
internal static class NotFound
{
    /// <summary>Whether the service's text says what was named does not exist.</summary>
    public static bool Says(string? message) =>
        message is not null && (message.Contains("不存在") || message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("not exist", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>Runs a look-up of <paramref name="id"/>; a "does not exist" refusal becomes <see cref="ChanjingNotFoundException"/>.</summary>
    public static async Task<T> MappedAsync<T>(Task<T> call, string id, string what)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ChanjingInvalidParameterException ex) when (ex is not ChanjingNotFoundException && Says(ex.ServiceMessage))
        {
            throw new ChanjingNotFoundException($"There is no {what} {id}: {ex.ServiceMessage}", id, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex) { TaskId = id };
        }
    }
}
