namespace ProctorWise.Grains.Domain;

/// <summary>The per-student question order when the policy shuffles: stable for one session, different between sessions.</summary>
internal static class QuestionOrder
{
    public static IReadOnlyList<T> For<T>(IReadOnlyList<T> questions, string sessionId, bool shuffle)
    {
        if (!shuffle || questions.Count < 2)
        {
            return questions;
        }

        // string.GetHashCode is randomised per process; the order must survive a restart, so hash by hand (FNV-1a).
        var seed = unchecked((int)2166136261);
        foreach (var c in sessionId)
        {
            seed = unchecked((seed ^ c) * 16777619);
        }

        var copy = questions.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
