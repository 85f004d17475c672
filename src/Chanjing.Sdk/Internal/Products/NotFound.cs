namespace Chanjing.Sdk.Internal.Products;

/// <summary>The service's "does not exist" refusals (code 40000 with a text saying so) as <see cref="ChanjingNotFoundException"/>.</summary>
internal static class NotFound
{
    /// <summary>Whether the service's text says what was named does not exist.</summary>
    public static bool Says(string? message) =>
        message is not null && (message.Contains("不存在") || message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("not exist", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>
    /// Runs a look-up of <paramref name="id"/>; a "does not exist" refusal becomes <see cref="ChanjingNotFoundException"/>.
    /// A job answered under another id (a mis-keyed cache, a service fault) is refused, never returned as the one asked
    /// for: its outputs would be someone else's. <paramref name="sameId"/> is false where the answer's id field is not
    /// documented to repeat the one asked for.
    /// </summary>
    public static async Task<T> MappedAsync<T>(Task<T> call, string id, string what, bool sameId = true)
    {
        T result;
        try
        {
            result = await call.ConfigureAwait(false);
        }
        catch (ChanjingInvalidParameterException ex) when (ex is not ChanjingNotFoundException && Says(ex.ServiceMessage))
        {
            throw new ChanjingNotFoundException($"There is no {what} {id}: {ex.ServiceMessage}", id, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex) { TaskId = id };
        }

        if (sameId && result is ChanjingJob job && !string.Equals(job.Id, id, StringComparison.Ordinal))
        {
            // Its id is not shown: it names another job, perhaps another user's.
            throw new ChanjingException($"The look-up of {what} {id} was answered with another {what}; it was not returned. Look it up again.", null, null, null, null, isTransient: true) { TaskId = id };
        }

        return result;
    }
}
