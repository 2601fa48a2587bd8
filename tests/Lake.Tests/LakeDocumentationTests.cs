using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport;

namespace ProctorWise.Lake.Tests;

/// <summary>docs/lake.md's table of event types says what the writer writes.</summary>
public sealed class LakeDocumentationTests
{
    [Fact]
    public void EveryTableOfTheWriterIsDocumentedWithItsNamespaceAndColumns()
    {
        var docs = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "lake.md"));
        var expected = DomainEventTypes.All.SelectMany(type =>
        {
            var table = LakeTable.For(type);
            var ns = LakeLayout.NamespaceOf(type);
            return new[] { Row(table, ns) }.Concat(table.Children.Select(c => Row(c.Table, ns)));
        }).ToList();

        var documented = docs.Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains("`event_id` string", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected, documented);
    }

    private static string Row(LakeTable table, string ns) =>
        $"| `{table.Name}` | `{ns}` | {string.Join(", ", table.Columns.Select(c => $"`{c.Name}` {c.TypeName}"))} |";
}
