namespace Chanjing.Sdk;

/// <summary>A waited task ended as <c>Error</c> or <c>Fail</c>. Failed tasks are not charged.</summary>
public class ChanjingTaskFailedException : ChanjingException
{
    /// <summary>Creates the exception for a task that ended in failure.</summary>
    /// <param name="task">The failed task.</param>
    public ChanjingTaskFailedException(CreationTask task)
        : base(BuildMessage(task))
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
        TaskId = task.Id;
    }

    /// <summary>The task as last reported, with its <see cref="CreationTask.ErrorMessage"/>.</summary>
    public CreationTask Task { get; }

    private static string BuildMessage(CreationTask? task) => task is null
        ? "The task failed."
        : $"Task {task.Id} ended with status {task.Status}: {(string.IsNullOrEmpty(task.ErrorMessage) ? "(no error message)" : task.ErrorMessage)}";
}
