using Chanjing.Sdk;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary>A checked snapshot of <see cref="ChanjingAIToolOptions"/>, taken when the tools are made.</summary>
internal sealed class ToolSettings
{
    private ToolSettings(ChanjingAIToolOptions options)
    {
        WaitTimeout = options.WaitTimeout;
        var polling = options.Polling ?? new WaitOptions();
        PollInterval = polling.PollInterval;
        MaxPollInterval = polling.MaxPollInterval;
        MaxConsecutiveTransientFailures = polling.MaxConsecutiveTransientFailures;
        TextToVideoModel = options.TextToVideoModel;
        ImagesToVideoModel = options.ImagesToVideoModel;
        MaxListResults = options.MaxListResults;
        LoggerFactory = options.LoggerFactory;
    }

    public TimeSpan WaitTimeout { get; }

    public TimeSpan PollInterval { get; }

    public TimeSpan MaxPollInterval { get; }

    public int MaxConsecutiveTransientFailures { get; }

    public string TextToVideoModel { get; }

    public string ImagesToVideoModel { get; }

    public int MaxListResults { get; }

    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>Checks the options and takes the snapshot; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static ToolSettings From(ChanjingAIToolOptions options)
    {
        if (options.WaitTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ChanjingAIToolOptions.WaitTimeout must be positive, but was {options.WaitTimeout}.", nameof(options));
        }

        if (options.MaxListResults is < 1 or > 200)
        {
            throw new ArgumentException($"ChanjingAIToolOptions.MaxListResults must be between 1 and 200, but was {options.MaxListResults}.", nameof(options));
        }

        Argument.NotBlank(options.TextToVideoModel, "options.TextToVideoModel");
        Argument.NotBlank(options.ImagesToVideoModel, "options.ImagesToVideoModel");
        var settings = new ToolSettings(options);
        settings.Wait(null).Validate();
        return settings;
    }

    /// <summary>New wait options for one call: the polling settings, the tools' deadline, and a hook for the task id.</summary>
    public WaitOptions Wait(Action<string>? onSubmitted) => new()
    {
        PollInterval = PollInterval,
        MaxPollInterval = MaxPollInterval,
        MaxConsecutiveTransientFailures = MaxConsecutiveTransientFailures,
        Timeout = WaitTimeout,
        OnSubmitted = onSubmitted,
    };
}
