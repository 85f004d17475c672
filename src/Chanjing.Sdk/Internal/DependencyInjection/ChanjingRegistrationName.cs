namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>The name of one <c>AddChanjing</c> registration (the empty string for the unnamed one), so that asking for another name can say which exist.</summary>
internal sealed class ChanjingRegistrationName(string name)
{
    public string Name { get; } = name;
}
