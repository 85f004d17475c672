namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>Sets of task ids, sized for what they will hold (a page of 50 would otherwise grow the set four times).</summary>
internal static class OrdinalSet
{
    public static HashSet<string> WithCapacity(int capacity) =>
#if NETSTANDARD2_0
        new(StringComparer.Ordinal);
#else
        new(capacity, StringComparer.Ordinal);
#endif
}
