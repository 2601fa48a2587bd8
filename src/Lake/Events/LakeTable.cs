using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Parquet.Schema;
using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Lake.Events;

/// <summary>
/// The Parquet schema of one record type, derived by reflection so a new event field becomes a new column
/// (docs/lake.md): one column per property in the order of the record's parameters, named in snake_case. A list of
/// <see cref="QuestionOutcome"/> is not a column: it becomes the child table <c>&lt;event_type&gt;_question</c>.
/// </summary>
internal sealed class LakeTable
{
    /// <summary>The parent's columns repeated on every row of a child table, so a child row stands on its own.</summary>
    private static readonly string[] s_childKeys = ["EventId", "OccurredAt", "SubmissionId", "ExamId", "StudentId"];

    private readonly List<(LakeTable Table, Func<object, IEnumerable<object>> Rows)> _children = [];

    private LakeTable(string name, IReadOnlyList<LakeColumn> columns)
    {
        Name = name;
        Columns = columns;
        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
    }

    /// <summary>The table's name: the event type in snake_case (the <c>type=</c> folder).</summary>
    public string Name { get; }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<LakeColumn> Columns { get; }

    /// <summary>The Parquet schema of <see cref="Columns"/>.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Tables made from list properties, with the rows each event gives them.</summary>
    public IReadOnlyList<(LakeTable Table, Func<object, IEnumerable<object>> Rows)> Children => _children;

    /// <summary>The table of a record type whose rows are instances of it.</summary>
    public static LakeTable For(Type recordType)
    {
        var columns = new List<LakeColumn>();
        var lists = new List<PropertyInfo>();
        foreach (var property in PropertiesOf(recordType))
        {
            if (ListItemType(property.PropertyType) is not null)
            {
                lists.Add(property);
                continue;
            }

            columns.Add(Column(SnakeCase(property.Name), property, row => property.GetValue(row)));
        }

        var table = new LakeTable(SnakeCase(recordType.Name), columns);
        foreach (var list in lists)
        {
            table._children.Add(ChildOf(table.Name, recordType, list));
        }

        return table;
    }

    /// <summary>A name in snake_case, as the JSON API writes enum values (<c>EventId</c> → <c>event_id</c>).</summary>
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static (LakeTable, Func<object, IEnumerable<object>>) ChildOf(string parentName, Type parentType, PropertyInfo list)
    {
        var itemType = ListItemType(list.PropertyType)!;
        if (itemType != typeof(QuestionOutcome))
        {
            throw new NotSupportedException($"{parentType.Name}.{list.Name}: lists of {itemType.Name} have no lake table; docs/lake.md says how lists land.");
        }

        var columns = new List<LakeColumn>();
        foreach (var key in s_childKeys)
        {
            var property = parentType.GetProperty(key)
                ?? throw new NotSupportedException($"{parentType.Name} has a list of questions but no {key} to key its rows with.");
            columns.Add(Column(SnakeCase(key), property, row => property.GetValue(((ChildRow)row).Parent)));
        }

        foreach (var property in PropertiesOf(itemType))
        {
            // "type" alone would be ambiguous beside the event's own columns.
            var name = property.Name == nameof(QuestionOutcome.Type) ? "question_type" : SnakeCase(property.Name);
            columns.Add(Column(name, property, row => property.GetValue(((ChildRow)row).Item)));
        }

        var table = new LakeTable(parentName + "_question", columns);
        return (table, parent => ((IEnumerable)list.GetValue(parent)!).Cast<object>().Select(item => (object)new ChildRow(parent, item)));
    }

    private static LakeColumn Column(string name, PropertyInfo property, Func<object, object?> get)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null
            || (!type.IsValueType && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable);
        var clr = underlying ?? type;
        var where = $"{property.DeclaringType!.Name}.{property.Name}";

        return clr switch
        {
            _ when clr == typeof(string) => new(name, LakeColumnKind.String, nullable, get),
            _ when clr == typeof(Guid) => new(name, LakeColumnKind.String, nullable, row => get(row) is Guid g ? g.ToString("D") : null),
            _ when clr.IsEnum => new(name, LakeColumnKind.String, nullable, row => get(row) is { } e ? EnumName(e) : null),
            _ when clr == typeof(int) => new(name, LakeColumnKind.Int32, nullable, get),
            _ when clr == typeof(long) => new(name, LakeColumnKind.Int64, nullable, get),
            _ when clr == typeof(bool) => new(name, LakeColumnKind.Boolean, nullable, get),
            _ when clr == typeof(double) => new(name, LakeColumnKind.Double, nullable, get),
            _ when clr == typeof(decimal) => new(name, LakeColumnKind.Double, nullable, row => get(row) is decimal d ? (double)d : null),
            _ when clr == typeof(DateTimeOffset) => new(name, LakeColumnKind.Timestamp, nullable, row => get(row) is DateTimeOffset t ? t.UtcDateTime : null),
            _ => throw new NotSupportedException($"{where} is a {clr.Name}: the lake has no column type for it (docs/lake.md, column convention)."),
        };
    }

    /// <summary>The same lower snake_case name the JSON API and the Kafka records use (<c>no_face</c>).</summary>
    private static string EnumName(object value) => SnakeCase(Convert.ToString(value, CultureInfo.InvariantCulture)!);

    /// <summary>The record's properties in the order of its widest constructor's parameters (the record's own order).</summary>
    private static IEnumerable<PropertyInfo> PropertiesOf(Type recordType)
    {
        var constructor = recordType.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new NotSupportedException($"{recordType.Name} has no public constructor to order its columns by.");
        foreach (var parameter in constructor.GetParameters())
        {
            yield return recordType.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new NotSupportedException($"{recordType.Name}: parameter {parameter.Name} has no property of the same name.");
        }
    }

    private static Type? ListItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private sealed record class ChildRow(object Parent, object Item);
}
