using Parquet;

namespace ProctorWise.Lake.Kafka.Tests;

/// <summary>
/// Reads back what a lake writer landed: the <c>event_id</c> column of its Parquet files. Shared by the ingestion tests of
/// the Kafka consumer and of the silo (linked into Grains.Tests, like <see cref="ControlledLakeStorage"/>).
/// </summary>
internal static class LakeFiles
{
    /// <summary>The event ids in the visible Parquet files under <paramref name="folder"/> (repeats included); temporary files end in <c>.tmp</c> and are not read.</summary>
    public static async Task<List<string>> EventIdsAsync(string folder)
    {
        var ids = new List<string>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
            {
                ids.AddRange(await EventIdsInFileAsync(file));
            }
        }

        return ids;
    }

    /// <summary>The event ids of one Parquet file, in order.</summary>
    public static async Task<IReadOnlyList<string>> EventIdsInFileAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.DataFields.Single(f => f.Name == "event_id");
        var ids = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new string[group.RowCount];
            await group.ReadAsync(field, values);
            ids.AddRange(values);
        }

        return ids;
    }
}
