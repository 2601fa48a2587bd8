namespace ProctorWise.Analytics;

/// <summary>
/// One raw event type registered as a view before a job runs: <c>raw/&lt;Namespace&gt;/date=YYYY-MM-DD/type=&lt;EventType&gt;/part-*.parquet</c>,
/// deduplicated (redelivered events appear more than once), with every column cast to its declared type. The view
/// is named after the event type, so job SQL says <c>FROM anomaly_closed</c>.
/// </summary>
/// <param name="Namespace">The stream namespace (<c>sessions</c>, <c>submissions</c>, …).</param>
/// <param name="EventType">The record name in snake_case, also the view's name.</param>
/// <param name="Columns">The columns the jobs use, in order.</param>
/// <param name="UniqueKey">The columns that identify one fact: <c>event_id</c>, plus <c>question_id</c> for flattened question rows.</param>
public sealed record InputDefinition(string Namespace, string EventType, IReadOnlyList<InputColumn> Columns, IReadOnlyList<string> UniqueKey)
{
    /// <summary>The view's name.</summary>
    public string ViewName => EventType;

    /// <summary>The folder of one day's files, relative to the lake root.</summary>
    public string PartitionPath(DateOnly day) =>
        $"raw/{Namespace}/date={day:yyyy-MM-dd}/type={EventType}";

    /// <summary>
    /// The view's SELECT over <paramref name="source"/>, a relation the engine supplies (DuckDB:
    /// <c>read_parquet([...])</c>, Spark: <c>parquet.`path`</c>) whose columns are <paramref name="presentColumns"/>;
    /// a declared column no file has yet (a field added later) reads as NULL. One row per <see cref="UniqueKey"/>
    /// is kept: copies of one event are identical, so a GROUP BY on the key taking <c>min</c> of every other column
    /// rebuilds the event exactly. That is a plain hash aggregate on both engines, which spills to disk; numbering the
    /// copies with <c>row_number()</c> held every row's columns in a window and ran DuckDB out of memory at 2 M anomalies.
    /// Each timestamp column <c>x</c> also comes as <c>x_epoch</c>, seconds since 1970 (DOUBLE), from
    /// <paramref name="epochSeconds"/>: no function turns a timestamp into a number on both engines (DuckDB has
    /// <c>epoch</c>, Spark <c>unix_micros</c>), so that is the engine's other word in a view, and jobs subtract epochs.
    /// </summary>
    public string ViewSql(string source, IReadOnlySet<string> presentColumns, Func<string, string> epochSeconds) =>
        ViewSql(source, presentColumns, epochSeconds, deduplicate: true);

    /// <summary>
    /// As <see cref="ViewSql(string, IReadOnlySet{string}, Func{string, string})"/>; with <paramref name="deduplicate"/>
    /// false the copies of a redelivered event are all kept, for a job whose one reader of this view keeps one row per key
    /// anyway (<see cref="JobInput.RedeliveriesRemovedBy"/>): the GROUP BY over every row of the largest inputs was most of
    /// the monthly job's time (docs/PERFORMANCE.md §4).
    /// </summary>
    public string ViewSql(string source, IReadOnlySet<string> presentColumns, Func<string, string> epochSeconds, bool deduplicate)
    {
        ArgumentNullException.ThrowIfNull(presentColumns);
        ArgumentNullException.ThrowIfNull(epochSeconds);
        var projected = string.Join(",\n               ", Columns.Select(c => presentColumns.Contains(c.Name)
            ? $"CAST({c.Name} AS {c.SqlType}) AS {c.Name}"
            : $"CAST(NULL AS {c.SqlType}) AS {c.Name}"));
        var deduplicated = string.Join(",\n               ", Columns.Select(c => UniqueKey.Contains(c.Name) ? c.Name : $"min({c.Name}) AS {c.Name}"));
        var outer = string.Join(", ", Columns.Select(c => c.Name).Concat(
            Columns.Where(c => c.Type == ColumnType.Timestamp).Select(c => $"{epochSeconds(c.Name)} AS {c.Name}_epoch")));
        var events = deduplicate
            ? $"""
                SELECT {deduplicated}
                FROM (
                    SELECT {projected}
                    FROM {source}
                ) AS typed
                GROUP BY {string.Join(", ", UniqueKey)}
                """
            : $"""
                SELECT {projected}
                FROM {source}
                """;
        return $"""
            SELECT {outer}
            FROM (
                {events}
            ) AS events
            """;
    }

    /// <summary>The view's SELECT when no file exists for the period: the same columns, no rows.</summary>
    public string EmptyViewSql()
    {
        var projected = string.Join(",\n       ", Columns.Select(c => $"CAST(NULL AS {c.SqlType}) AS {c.Name}").Concat(
            Columns.Where(c => c.Type == ColumnType.Timestamp).Select(c => $"CAST(NULL AS DOUBLE) AS {c.Name}_epoch")));
        return $"""
            SELECT {projected}
            FROM (SELECT 1 AS one) AS nothing
            WHERE 1 = 0
            """;
    }
}
