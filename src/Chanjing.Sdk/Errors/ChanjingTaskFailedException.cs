namespace Chanjing.Sdk;

/// <summary>
/// A waited job ended in failure by its product's rule: an AI-creation task as <c>Error</c> or <c>Fail</c>, an avatar
/// video with a 4X / 5X status, a customised avatar with 4 or 5, and so on. The service's text is
/// <see cref="ChanjingException.ServiceMessage"/>; <see cref="ChanjingException.IsBillingFailure"/> says when it is a
/// lack of credits. Failed jobs are not charged.
/// </summary>
public class ChanjingTaskFailedException : ChanjingException
{
    /// <summary>Creates the exception for an AI-creation task that ended in failure.</summary>
    /// <param name="task">The failed task.</param>
    public ChanjingTaskFailedException(CreationTask task)
        : this((ChanjingJob)task)
    {
    }

    /// <summary>Creates the exception for any product's job that ended in failure.</summary>
    /// <param name="job">The failed job, with its status and error text.</param>
    public ChanjingTaskFailedException(ChanjingJob job)
        : base(BuildMessage(job), null, job?.ErrorMessage, null, null, isTransient: false)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        TaskId = job.Id;
    }

    /// <summary>The exception for a failed job, with a message of the operation's own (a part of a longer run).</summary>
    internal ChanjingTaskFailedException(ChanjingJob job, string message)
        : base(message, null, job.ErrorMessage, null, null, isTransient: false)
    {
        Job = job;
        TaskId = job.Id;
    }

    /// <summary>The job as last reported (an <see cref="AvatarVideo"/>, a <see cref="CustomAvatar"/>, a <see cref="CreationTask"/>, ...).</summary>
    public ChanjingJob Job { get; }

    /// <summary>The failed AI-creation task, with its <see cref="CreationTask.ErrorMessage"/>; null when the job is another product's (see <see cref="Job"/>).</summary>
    public CreationTask? Task => Job as CreationTask;

    private static string BuildMessage(ChanjingJob? job) => job is null
        ? "The task failed."
        : $"{job.Kind} {job.Id} ended with status {job.StatusText}: {(string.IsNullOrEmpty(job.ErrorMessage) ? (job.OutputUrls.Count == 0 ? "(no error message, and no output)" : "(no error message)") : job.ErrorMessage)}";
}
