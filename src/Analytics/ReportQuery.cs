namespace ProctorWise.Analytics;

/// <summary>
/// One parameterized SELECT the analytics API runs over the raw zone (<c>src/Analytics/Reports</c>), such as one exam's
/// figures. Unlike a job it has no period: it reads every date partition of its inputs, so it is as fresh as the
/// lake writer's last flush. Its <c>{{parameter}}</c> placeholders are never replaced by text: the engine binds them
/// as query parameters (DuckDB <c>$name</c>, Spark <c>:name</c>), so a value from a request never becomes SQL.
/// </summary>
/// <param name="Name">The report's name (its file name).</param>
/// <param name="Template">The SQL with its placeholders.</param>
/// <param name="Inputs">Raw event types registered as views first.</param>
/// <param name="Views">Shared job views (<c>src/Analytics/Jobs/views</c>) registered after the inputs, in order.</param>
/// <param name="Parameters">The parameter names it binds, without braces.</param>
public sealed record ReportQuery(
    string Name,
    string Template,
    IReadOnlyList<InputDefinition> Inputs,
    IReadOnlyList<JobQuery> Views,
    IReadOnlyList<string> Parameters)
{
    /// <summary>The placeholders as written in the SQL (<c>{{exam_id}}</c>), for the portability lint.</summary>
    public IReadOnlyList<string> Placeholders => [.. Parameters.Select(p => "{{" + p + "}}")];

    /// <summary>The SQL with each placeholder replaced by the engine's parameter marker for that name.</summary>
    public string Sql(Func<string, string> marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var sql = Template;
        foreach (var parameter in Parameters)
        {
            sql = sql.Replace("{{" + parameter + "}}", marker(parameter), StringComparison.Ordinal);
        }

        return sql;
    }
}
