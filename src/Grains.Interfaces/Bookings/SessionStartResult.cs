using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Bookings;

/// <summary>The answer to "start or resume": the session and whether this call created it.</summary>
/// <param name="Session">The student's view of the session.</param>
/// <param name="Created">True for a first start (201), false for a resume (200).</param>
[GenerateSerializer, Immutable, Alias("pw.session-start-result")]
public sealed record class SessionStartResult(SessionView Session, bool Created);
