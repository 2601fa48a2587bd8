using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Events;

/// <summary>
/// Lands a batch of domain events in the raw zone (docs/lake.md): one Parquet file per (namespace, UTC date, event
/// type), each published through <see cref="ILakeStorage"/> by write-to-a-hidden-name-then-rename, so a reader
/// never sees a partial file. Returns only once every file is durable.
/// </summary>
public sealed class ParquetEventWriter(ILakeStorage storage)
{
    /// <summary>
    /// Writes <paramref name="events"/>. Groups are published one after the other, a child table (questions) before
    /// its events so an event's questions are visible whenever it is.
    /// </summary>
    /// <exception cref="ArgumentException">An event's type does not land in the lake (nothing is written).</exception>
    /// <exception cref="LakeWriteException">A file could not be published; it says which events are durable anyway.</exception>
    public async Task<LakeFlushResult> WriteAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            _ = LakeLayout.NamespaceOf(e.GetType());
        }

        var durable = new List<DomainEvent>();
        var files = new List<string>();
        var groups = events.GroupBy(e => (Type: e.GetType(), Date: LakeLayout.DateOf(e)));
        foreach (var group in groups)
        {
            var rows = group.ToList();
            try
            {
                var table = LakeEventTables.For(group.Key.Type);
                var ns = LakeLayout.NamespaceOf(group.Key.Type);
                foreach (var (child, childRows) in table.Children)
                {
                    var items = rows.SelectMany(childRows).ToList();
                    if (items.Count > 0)
                    {
                        files.Add(await PublishAsync(child, ns, group.Key.Date, rows[0].EventId, items, cancellationToken));
                    }
                }

                files.Add(await PublishAsync(table, ns, group.Key.Date, rows[0].EventId, rows, cancellationToken));
            }
            catch (Exception e)
            {
                throw new LakeWriteException(
                    $"Landing {rows.Count} {LakeLayout.EventTypeName(group.Key.Type)} events of {group.Key.Date:yyyy-MM-dd} failed; {durable.Count} events of the batch are durable. {e.Message}",
                    durable, files, e);
            }

            durable.AddRange(rows);
        }

        return new LakeFlushResult(durable, files);
    }

    private async Task<string> PublishAsync(LakeTable table, string ns, DateOnly date, Guid firstEventId, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var path = $"{LakeLayout.PartitionOf(ns, date, table.Name)}/{LakeLayout.FileNameOf(firstEventId)}";
        using var buffer = new MemoryStream();
        await ParquetTableWriter.WriteAsync(table, rows, buffer, cancellationToken);
        buffer.Position = 0;
        await storage.PublishAsync(path, buffer, replace: false, cancellationToken);
        return path;
    }
}
