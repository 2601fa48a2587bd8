namespace ProctorWise.Analytics.Tests;

/// <summary>One raw event as the lake writes it: ordered columns and their values.</summary>
internal sealed class Row(string @namespace, string eventType)
{
    private readonly List<(string Column, object? Value)> _values = [];

    public string Namespace { get; } = @namespace;

    public string EventType { get; } = eventType;

    public IReadOnlyList<(string Column, object? Value)> Values => _values;

    public DateTimeOffset OccurredAt => (DateTimeOffset)_values.Single(v => v.Column == "occurred_at").Value!;

    public Row With(string column, object? value)
    {
        _values.Add((column, value));
        return this;
    }

    /// <summary>A copy without some columns, as a file written before those fields existed.</summary>
    public Row Without(params string[] columns)
    {
        var copy = new Row(Namespace, EventType);
        foreach (var (column, value) in _values.Where(v => !columns.Contains(v.Column)))
        {
            copy.With(column, value);
        }

        return copy;
    }
}

/// <summary>A NULL of a given SQL type (a bare NULL in VALUES has no type).</summary>
internal sealed record SqlNull(string Type);
