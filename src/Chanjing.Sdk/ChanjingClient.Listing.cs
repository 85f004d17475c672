using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreationTask> ListTasksAsync(CreationTaskQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query, nameof(query));
        if (query.PageSize is < 1 or > CreationTaskQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.PageSize)} must be between 1 and {CreationTaskQuery.MaxPageSize}, but was {query.PageSize}.");
        }

        if (query.Type.Value <= 0)
        {
            throw new ArgumentException($"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.Type)} must be set (CreationType.Video or CreationType.Image).", nameof(query));
        }

        var ids = query.TaskIds.ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || Guard.HasControl(ids[i]))
            {
                throw new ArgumentException($"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.TaskIds)}[{i}] must not be null, empty, whitespace or hold control characters.", nameof(query));
            }
        }

        return ListCoreAsync(query.Type, ids, query.OnlySuccessful, query.PageSize, cancellationToken);
    }

    private async IAsyncEnumerable<CreationTask> ListCoreAsync(CreationType type, string[] ids, bool? onlySuccessful, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The service filters by at most 50 ids: more are split into several filtered listings.
        var chunks = ids.Length == 0 ? [[]] : Chunk(ids, CreationTaskQuery.MaxPageSize);
        foreach (var chunk in chunks)
        {
            var seen = OrdinalSet.WithCapacity(chunk.Length > 0 ? chunk.Length : pageSize);
            for (var page = 1; ; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await Api.ListTasksAsync(type, chunk, onlySuccessful, page, pageSize, cancellationToken).ConfigureAwait(false);
                var fresh = 0;
                foreach (var task in result.Tasks)
                {
                    // A task can move to the next page while we list (new tasks push it down): report it once.
                    if (seen.Add(task.Id))
                    {
                        fresh++;
                        yield return task;
                    }
                }

                // Stop on a page with nothing new (a broken server repeating a page must not loop forever), and
                // never ask for more pages than total_count can fill, whatever total_page claims.
                var pagesByCount = result.TotalCount > 0 ? ((long)result.TotalCount + pageSize - 1) / pageSize : long.MaxValue;
                if (fresh == 0 || page >= result.TotalPages || page >= pagesByCount)
                {
                    break;
                }
            }
        }
    }

    private static List<string[]> Chunk(string[] ids, int size)
    {
        var chunks = new List<string[]>((ids.Length + size - 1) / size);
        for (var i = 0; i < ids.Length; i += size)
        {
            var chunk = new string[Math.Min(size, ids.Length - i)];
            Array.Copy(ids, i, chunk, 0, chunk.Length);
            chunks.Add(chunk);
        }

        return chunks;
    }
}
