namespace ProctorWise.LoadGenerator.Load;

/// <summary>A proctor saw a session's n-th tab_hidden (its counter reached n) at a Stopwatch timestamp.</summary>
internal readonly record struct Delivery(string SessionId, int Number, long ArrivedAt);
