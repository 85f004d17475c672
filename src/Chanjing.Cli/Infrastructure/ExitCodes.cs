namespace Chanjing.Cli.Infrastructure;

/// <summary>The process exit codes of <c>chanjing</c> (fixed by the design: scripts branch on them).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Any other failure: the service, the network, the file system.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments (or environment), found before any network call.</summary>
    public const int Usage = 2;

    /// <summary>A task ended as <c>Error</c> or <c>Fail</c>.</summary>
    public const int TaskFailed = 3;

    /// <summary>A wait reached its <c>--timeout</c>; the task keeps running on the service.</summary>
    public const int WaitTimedOut = 4;

    /// <summary>No credentials, or the service refused them.</summary>
    public const int Authentication = 5;

    /// <summary>Interrupted by Ctrl+C (SIGINT) or SIGTERM: 128 + SIGINT, the shell convention.</summary>
    public const int Interrupted = 130;
}
