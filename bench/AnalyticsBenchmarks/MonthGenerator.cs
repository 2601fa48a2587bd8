using System.Collections.Concurrent;
using System.Diagnostics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// Writes the month's lake through the production writer (<see cref="ParquetEventWriter"/> on
/// <see cref="LocalLakeStorage"/>: same layout, schemas, file names and fsyncs) and, beside it, the same facts as CSV
/// for the MariaDB side.
/// </summary>
internal sealed class MonthGenerator(BenchOptions options, Population population)
{
    private readonly ConcurrentDictionary<string, long> _rows = new(StringComparer.Ordinal);
    private long _duplicates;

    public async Task<GenerationResult> RunAsync(string lakeRoot, string? csvRoot, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var writer = new ParquetEventWriter(new LocalLakeStorage(lakeRoot));
        await WriteUsersAsync(writer, csvRoot, cancellationToken);

        var days = options.Month.Days.ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.GeneratorThreads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, days.Length), parallel, async (i, ct) =>
        {
            var sessions = Share(options.Submissions, days.Length, i);
            var anomalies = Share(options.Anomalies, days.Length, i);
            var generator = new DayGenerator(population, days[i], (int)sessions, anomalies, options.Seed);
            using var csv = csvRoot is null ? null : new CsvTables(csvRoot, days[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await WriteAsync(writer, generator.Sessions(), csv, unchecked((options.Seed * 1_000_033) + days[i].DayNumber), ct);
        });

        clock.Stop();
        var (files, bytes) = Measure(lakeRoot);
        var csvBytes = csvRoot is null ? 0 : Measure(csvRoot).Bytes;
        return new GenerationResult(clock.Elapsed, new SortedDictionary<string, long>(_rows, StringComparer.Ordinal), _duplicates, files, bytes, csvBytes);
    }

    public static (long Files, long Bytes) Measure(string folder)
    {
        long files = 0, bytes = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            files++;
            bytes += file.Length;
        }

        return (files, bytes);
    }

    // An even share of a total over the days, the remainder on the first days.
    private static long Share(long total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    private async Task WriteUsersAsync(ParquetEventWriter writer, string? csvRoot, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + 1);
        var users = population.Students.Select(s => (s.Id, Role: UserRole.Student, At: s.RegisteredAt))
            .Concat(population.Teachers.Select((t, i) => (Id: t, Role: UserRole.Teacher, At: population.TeacherRegisteredAt[i])))
            .OrderBy(u => u.At)
            .Select(u => new UserRegistered(SeededIds.Version7(random, u.At), u.At, u.Id, u.Role, u.At))
            .ToList();
        using var csv = csvRoot is null ? null : CsvTables.Open(csvRoot, CsvTables.Users, "all");
        foreach (var chunk in users.Chunk(options.EventsPerWrite))
        {
            await writer.WriteAsync(chunk, cancellationToken);
            if (csv is not null)
            {
                foreach (var user in chunk)
                {
                    CsvTables.WriteUser(csv, user);
                }
            }
        }

        Count(users);
    }

    private async Task WriteAsync(ParquetEventWriter writer, IEnumerable<GeneratedSession> sessions, CsvTables? csv, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var chunk = new List<DomainEvent>(options.EventsPerWrite + 1024);
        var redeliver = new List<DomainEvent>();
        foreach (var session in sessions)
        {
            chunk.AddRange(session.Events);
            csv?.Write(session);
            if (chunk.Count >= options.EventsPerWrite)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        if (redeliver.Count > 0)
        {
            await writer.WriteAsync(redeliver, cancellationToken);
            Interlocked.Add(ref _duplicates, redeliver.Count);
            Count(redeliver);
        }

        async Task FlushAsync()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            // At-least-once delivery: a few events of the previous write arrive again in this one (another file).
            Interlocked.Add(ref _duplicates, redeliver.Count);
            var batch = redeliver.Count == 0 ? chunk : [.. chunk, .. redeliver];
            await writer.WriteAsync(batch, cancellationToken);
            Count(batch);
            redeliver.Clear();
            if (options.Duplicates > 0)
            {
                redeliver.AddRange(chunk.Where(_ => random.NextDouble() < options.Duplicates));
            }

            chunk.Clear();
        }
    }

    private void Count(IEnumerable<DomainEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.GetType()))
        {
            var name = LakeLayout.EventTypeName(group.Key);
            _rows.AddOrUpdate(name, group.LongCount(), (_, n) => n + group.LongCount());
            var questions = group.Sum(e => e switch
            {
                SubmissionAutoGraded a => a.Questions.Count,
                SubmissionPublished p => p.Questions.Count,
                _ => 0,
            });
            if (questions > 0)
            {
                _rows.AddOrUpdate(name + "_question", questions, (_, n) => n + questions);
            }
        }
    }
}
