using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ProctorWise.Hosting;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The README's configuration table and the options cannot drift apart: every key the code reads is a row,
/// every row is a key the code reads, and a literal default in a row is the options class's default.
/// </summary>
public sealed partial class ConfigurationReadmeTests
{
    /// <summary>Keys owned by ASP.NET Core and .NET logging, documented for operators' convenience.</summary>
    private static readonly string[] s_frameworkKeys = ["urls", "environment", "Logging:LogLevel:*"];

    /// <summary>Defaults that depend on the machine, so the README describes them in words.</summary>
    private static readonly string[] s_machineDefaults = ["Evidence:Path", "Lake:Path", "Mail:PickupPath"];

    [Fact]
    public void EveryKeyTheCodeReadsHasARowAndEveryRowIsAKey()
    {
        var documented = ReadmeRows().Keys.ToHashSet(StringComparer.Ordinal);
        var known = KnownKeys().ToHashSet(StringComparer.Ordinal);
        var missing = known.Except(documented).Order(StringComparer.Ordinal).ToList();
        var extra = documented.Except(known).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"README.md's configuration table and the options differ. Missing rows: [{string.Join(", ", missing)}]. Rows no code reads: [{string.Join(", ", extra)}].");
    }

    [Fact]
    public void LiteralDefaultsInTheTableAreTheOptionsDefaults()
    {
        var rows = ReadmeRows();
        var wrong = new List<string>();
        foreach (var (key, property, instance) in OptionsProperties())
        {
            if (property.GetValue(instance) is not { } value || value is System.Collections.ICollection { Count: 0 } || s_machineDefaults.Contains(key) || !rows.TryGetValue(key, out var cell))
            {
                continue; // No default to compare (none, or an empty list), or a missing row (the other test names it).
            }

            if (LeadingLiteral().Match(cell) is not { Success: true } literal || !SameValue(literal.Groups[1].Value, value))
            {
                wrong.Add($"{key}: README says '{cell}', the default is '{Show(value)}'");
            }
        }

        Assert.True(wrong.Count == 0, "README.md's configuration table has wrong defaults:\n" + string.Join("\n", wrong));
    }

    /// <summary>Every key read by the code: options classes (found by their <c>Section</c> constant) and the keys read directly.</summary>
    private static IEnumerable<string> KnownKeys() =>
        OptionsProperties().Select(p => p.Key)
            .Concat(HostingOptions.Keys)
            .Concat(StreamingSettings.Keys)
            .Concat([TelemetryOptions.ExporterKey, SiloWebHostExtensions.HttpPortKey])
            .Concat(ProctorWiseSiloBuilderExtensions.OrleansSections.Select(s => s + ":*"))
            .Concat(s_frameworkKeys);

    /// <summary>The public settable properties of every ProctorWise options class with a <c>Section</c> constant.</summary>
    private static IEnumerable<(string Key, PropertyInfo Property, object Instance)> OptionsProperties()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "ProctorWise.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal) && !Path.GetFileName(path).Contains("TestSupport", StringComparison.Ordinal))
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)));
        var types = assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .ToList();
        Assert.NotEmpty(types);
        return types.SelectMany(t => Properties(t.Section!, Activator.CreateInstance(t.Type)!));
    }

    /// <summary>An options object's keys; a nested options object (<c>Lake:WebHdfs</c>) contributes its own keys instead of one.</summary>
    private static IEnumerable<(string Key, PropertyInfo Property, object Instance)> Properties(string prefix, object instance)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            if (property.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal) && property.GetValue(instance) is { } nested)
            {
                foreach (var inner in Properties(key, nested))
                {
                    yield return inner;
                }

                continue;
            }

            yield return (key, property, instance);
        }
    }

    /// <summary>The configuration table: key (first column, in backticks) to default (third column).</summary>
    private static Dictionary<string, string> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.IndexOf(lines, "## Configuration");
        Assert.True(start >= 0, "README.md has no '## Configuration' section");
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var key = cells[1].Trim('`');
            Assert.True(rows.TryAdd(key, cells[3]), $"README.md documents {key} twice");
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private static bool SameValue(string literal, object value) => value switch
    {
        TimeSpan span => TimeSpan.TryParse(literal, CultureInfo.InvariantCulture, out var parsed) && parsed == span,
        float number => float.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == number,
        bool flag => bool.TryParse(literal, out var parsed) && parsed == flag,
        string text => literal == text.Replace('\\', '/'),
        _ => literal == Show(value),
    };

    private static string Show(object value) => value is TimeSpan span ? span.ToString("c", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    [GeneratedRegex("^`([^`]*)`")]
    private static partial Regex LeadingLiteral();
}
