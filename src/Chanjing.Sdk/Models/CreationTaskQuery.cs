namespace Chanjing.Sdk;

/// <summary>Filters for <see cref="IChanjingClient.ListTasksAsync"/>.</summary>
public sealed class CreationTaskQuery
{
    /// <summary>The largest page the service accepts, and the default <see cref="PageSize"/>: 50.</summary>
    public const int MaxPageSize = 50;

    /// <summary>The kind of task to list (<c>type</c>, required by the service). Default <see cref="CreationType.Video"/>.</summary>
    public CreationType Type { get; set; } = CreationType.Video;

    /// <summary>
    /// Only these task ids (<c>unique_ids</c>); empty means no filter. The service takes at most 50 ids a
    /// request: more are split into several requests, each paged in turn.
    /// </summary>
    public IList<string> TaskIds { get; } = new List<string>();

    /// <summary>Only successful tasks when true (<c>is_success</c>); null does not send the filter.</summary>
    public bool? OnlySuccessful { get; set; }

    /// <summary>Items per page (<c>page_size</c>), 1 to 50. Default 50.</summary>
    public int PageSize { get; set; } = MaxPageSize;
}
