namespace Chanjing.Cli.Infrastructure;

/// <summary>A succeeded (charged) task whose outputs could not be saved: exit code 1, and the failure names the task.</summary>
/// <param name="taskId">The task.</param>
/// <param name="message">What went wrong.</param>
/// <param name="innerException">The failure of the download.</param>
internal sealed class DownloadFailedException(string taskId, string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>The task whose outputs were not saved.</summary>
    public string TaskId { get; } = taskId;
}
