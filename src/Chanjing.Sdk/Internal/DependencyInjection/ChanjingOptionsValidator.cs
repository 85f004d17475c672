using Microsoft.Extensions.Options;

namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>Validates <see cref="ChanjingOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class ChanjingOptionsValidator : IValidateOptions<ChanjingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChanjingOptions options)
    {
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
