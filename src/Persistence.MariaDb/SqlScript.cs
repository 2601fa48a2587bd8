using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>One schema script: its name (order and history key) and its SQL.</summary>
/// <param name="Name">The file name, e.g. <c>002-clustering.sql</c>.</param>
/// <param name="Sql">The script.</param>
internal sealed record SqlScript(string Name, string Sql)
{
    /// <summary>SHA-256 of the text (line endings normalised), to notice a changed script.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The MariaDB schema of the Orleans providers, embedded in this assembly, in order.</summary>
    public static IReadOnlyList<SqlScript> MariaDbSchema() => FromEmbeddedResources(typeof(SqlScript).Assembly, ".MariaDb.Sql.");

    private static List<SqlScript> FromEmbeddedResources(Assembly assembly, string marker)
    {
        var scripts = new List<SqlScript>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && n.Contains(marker, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new SqlScript(resource[(resource.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..], reader.ReadToEnd()));
        }

        return scripts;
    }
}
