using System.Text.RegularExpressions;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake.Events;

namespace ProctorWise.Lake.Tests;

/// <summary>The raw zone's layout and column convention, read back with Parquet.Net; a crash mid-write shows nothing.</summary>
public sealed partial class ParquetEventWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lake-writer-").FullName;
    private readonly LocalLakeStorage _storage;

    public ParquetEventWriterTests() => _storage = new LocalLakeStorage(_folder);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EveryLandedEventTypeHasASampleAndAFolder()
    {
        Assert.Equal(DomainEventTypes.All.Order(TypeComparer.Instance), SampleEvents.All.Select(s => s.Event.GetType()).Order(TypeComparer.Instance));
        Assert.Equal(DomainEventTypes.All.Order(TypeComparer.Instance), SampleEvents.Folders.Keys.Order(TypeComparer.Instance));
        Assert.All(DomainEventTypes.All, t => Assert.True(LakeLayout.Lands(t), t.Name));
    }

    [Fact]
    public async Task EveryEventTypeRoundTripsWithTheDocumentedColumnsAndValues()
    {
        var result = await new ParquetEventWriter(_storage).WriteAsync([.. SampleEvents.All.Select(s => s.Event)], Ct);

        Assert.Equal(SampleEvents.All.Count, result.Durable.Count);
        foreach (var (sample, columns, row) in SampleEvents.All)
        {
            var (actualColumns, rows) = await ReadOnlyFileAsync(SampleEvents.Folders[sample.GetType()]);
            Assert.Equal(columns.Split(' '), actualColumns);
            var only = Assert.Single(rows);
            Assert.Equal(row, columns.Split(' ').Select(c => only[c.Split(':')[0]]));
        }
    }

    [Fact]
    public async Task QuestionListsLandAsTheirOwnTablesOneRowPerQuestion()
    {
        var samples = SampleEvents.All.Select(s => s.Event).Where(e => e is SubmissionAutoGraded or SubmissionPublished).ToList();

        await new ParquetEventWriter(_storage).WriteAsync(samples, Ct);

        foreach (var (folder, expected) in new[]
        {
            ("raw/submissions/date=2026-03-02/type=submission_auto_graded_question", SampleEvents.AutoGradedQuestionRows),
            ("raw/submissions/date=2026-03-02/type=submission_published_question", SampleEvents.PublishedQuestionRows),
        })
        {
            var (columns, rows) = await ReadOnlyFileAsync(folder);
            var names = SampleEvents.QuestionColumns.Split(' ');
            Assert.Equal(names, columns);
            Assert.Equal(expected, rows.Select(r => names.Select(c => r[c.Split(':')[0]]).ToArray()));
        }
    }

    [Fact]
    public async Task FilesAreNamedAfterTheFirstEventAndFiledUnderTheUtcDate()
    {
        var late = new UserRegistered(SampleEvents.Id(40), new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.FromHours(-2)), "user-late", default, SampleEvents.Start);
        var first = new UserRegistered(SampleEvents.Id(41), SampleEvents.OccurredAt, "user-a", default, SampleEvents.Start);
        var second = new UserRegistered(SampleEvents.Id(39), SampleEvents.OccurredAt, "user-b", default, SampleEvents.Start);

        var result = await new ParquetEventWriter(_storage).WriteAsync([first, late, second], Ct);

        Assert.Equal(2, result.Files.Count);
        var sameDay = Assert.Single(result.Files, f => f.StartsWith("raw/users/date=2026-03-02/type=user_registered/", StringComparison.Ordinal));
        Assert.Matches(FileName(SampleEvents.Id(41)), LakePaths.NameOf(sameDay));
        Assert.Equal(["user-a", "user-b"], (await ParquetReading.ReadAsync(_storage, sameDay, Ct)).Rows.Select(r => r["user_id"]));

        // 23:30 at UTC-2 is 01:30 the next day in UTC.
        var nextDay = Assert.Single(result.Files, f => f.StartsWith("raw/users/date=2026-03-03/type=user_registered/", StringComparison.Ordinal));
        Assert.Matches(FileName(SampleEvents.Id(40)), LakePaths.NameOf(nextDay));
    }

    [Fact]
    public async Task AnOldFileWithoutANewColumnAndANewFileReadBackByColumnName()
    {
        await WriteTableAsync(typeof(Version1.ProbeEvent), new Version1.ProbeEvent(SampleEvents.Id(1), SampleEvents.OccurredAt, "exam-1"), "old.parquet");
        await WriteTableAsync(typeof(Version2.ProbeEvent), new Version2.ProbeEvent(SampleEvents.Id(2), SampleEvents.OccurredAt, "exam-2", 7), "new.parquet");

        var old = await ParquetReading.ReadAsync(_storage, "old.parquet", Ct);
        var @new = await ParquetReading.ReadAsync(_storage, "new.parquet", Ct);

        Assert.Equal(["event_id:string", "occurred_at:timestamp", "exam_id:string"], old.Columns);
        Assert.Equal(["event_id:string", "occurred_at:timestamp", "exam_id:string", "attempt:int32?"], @new.Columns);
        Assert.Equal(["exam-1", "exam-2"], new[] { old, @new }.Select(f => f.Rows.Single()["exam_id"]));
        Assert.False(old.Rows.Single().ContainsKey("attempt"));
        Assert.Equal(7, @new.Rows.Single()["attempt"]);
    }

    [Fact]
    public async Task AFailedRenameLeavesNoFileAndReachesTheCaller()
    {
        var storage = new FaultyLakeStorage(_storage) { FailRenameTo = _ => true };

        var e = await Assert.ThrowsAsync<LakeWriteException>(() => new ParquetEventWriter(storage).WriteAsync([SampleEvents.All[0].Event], Ct));

        Assert.Empty(e.Durable);
        Assert.Contains("Injected", e.InnerException!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await _storage.ListAsync("", recursive: true, Ct), f => !f.IsDirectory);
    }

    [Fact]
    public async Task AProcessThatDiesBeforeTheRenameLeavesOnlyAHiddenTemporaryFile()
    {
        var storage = new FaultyLakeStorage(_storage) { FailRenameTo = _ => true, DeadAfterFailure = true };

        await Assert.ThrowsAsync<LakeWriteException>(() => new ParquetEventWriter(storage).WriteAsync([SampleEvents.All[0].Event], Ct));

        var left = Assert.Single(await _storage.ListAsync("", recursive: true, Ct), f => !f.IsDirectory);
        Assert.StartsWith("raw/exams/date=2026-03-02/type=exam_published/_part-", left.Path, StringComparison.Ordinal);
        Assert.EndsWith(".tmp", left.Path, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WhenALaterGroupFailsTheEarlierGroupsAreReportedDurable()
    {
        var storage = new FaultyLakeStorage(_storage) { FailRenameTo = path => path.Contains("type=user_", StringComparison.Ordinal) };
        var exam = SampleEvents.All[0].Event;
        var user = SampleEvents.All[^1].Event;

        var e = await Assert.ThrowsAsync<LakeWriteException>(() => new ParquetEventWriter(storage).WriteAsync([exam, user], Ct));

        Assert.Equal([exam], e.Durable);
        var published = Assert.Single(e.Files);
        Assert.StartsWith("raw/exams/", published, StringComparison.Ordinal);
        Assert.DoesNotContain(await _storage.ListAsync("", recursive: true, Ct), f => f.Path.StartsWith("raw/users/", StringComparison.Ordinal) && !f.IsDirectory);
    }

    [Fact]
    public async Task AnEventTypeTheLakeDoesNotKnowIsRefusedBeforeAnythingIsWritten()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new ParquetEventWriter(_storage).WriteAsync([SampleEvents.All[0].Event, new UnknownFact(Guid.CreateVersion7(), SampleEvents.OccurredAt)], Ct));

        Assert.Empty(await _storage.ListAsync("", cancellationToken: Ct));
    }

    private async Task<(List<string> Columns, List<Dictionary<string, object?>> Rows)> ReadOnlyFileAsync(string folder)
    {
        var file = Assert.Single(await _storage.ListAsync(folder, cancellationToken: Ct));
        Assert.Matches(PartName(), file.Name);
        return await ParquetReading.ReadAsync(_storage, file.Path, Ct);
    }

    private async Task WriteTableAsync(Type type, object row, string path)
    {
        using var buffer = new MemoryStream();
        await ParquetTableWriter.WriteAsync(LakeTable.For(type), [row], buffer, Ct);
        buffer.Position = 0;
        await _storage.PublishAsync(path, buffer, cancellationToken: Ct);
    }

    private static Regex FileName(Guid first) => new($"^part-{first:D}-[0-9a-f]{{8}}\\.parquet$");

    [GeneratedRegex("^part-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}\\.parquet$")]
    private static partial Regex PartName();

    private sealed record class UnknownFact(Guid EventId, DateTimeOffset OccurredAt) : DomainEvent(EventId, OccurredAt);

    private sealed class TypeComparer : IComparer<Type>
    {
        public static readonly TypeComparer Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
