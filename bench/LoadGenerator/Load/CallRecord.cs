namespace ProctorWise.LoadGenerator.Load;

/// <summary>One load call as the raw output lists it.</summary>
/// <param name="SentAt">When it was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
/// <param name="Kind"><c>frame</c>, or the browser event's type.</param>
/// <param name="Student">The student's index in the stage.</param>
/// <param name="Status">The HTTP status (0: no answer).</param>
/// <param name="Shed">A frame the server answered without analysing it.</param>
internal readonly record struct CallRecord(long SentAt, string Kind, int Student, int Status, bool Shed);
