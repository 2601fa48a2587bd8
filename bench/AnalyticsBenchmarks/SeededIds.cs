namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// Version 7 GUIDs (time-ordered, like the grains' <c>Guid.CreateVersion7()</c>) drawn from a seeded generator, so
/// the same seed gives the same lake, ids included.
/// </summary>
internal static class SeededIds
{
    public static Guid Version7(Random random, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An entity id as the grains make them: a version 7 GUID in <c>N</c> format.</summary>
    public static string Id(Random random, DateTimeOffset at) => Version7(random, at).ToString("N");
}
