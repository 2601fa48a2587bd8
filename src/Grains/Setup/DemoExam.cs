using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Setup;

/// <summary>The demo exam: one question of every type.</summary>
internal static class DemoExam
{
    public static ExamDraft Draft { get; } = new(
        "Demo — Introduction to computing",
        "A short exam with one question of each type. Webcam proctoring is on.",
        DurationMinutes: 30,
        PassMarkPercent: 60,
        [
            new("q-single", QuestionType.SingleChoice, "Which unit stores data permanently?", ["CPU", "RAM", "SSD", "Cache"], [2], null, 1),
            new("q-multi", QuestionType.MultipleChoice, "Which of these are programming languages?", ["C#", "HTML", "Python", "JPEG"], [0, 2], null, 2),
            new("q-tf", QuestionType.TrueFalse, "A byte has 8 bits.", null, [0], null, 1),
            new("q-short", QuestionType.ShortAnswer, "What does CPU stand for?", null, null, "central processing unit", 2),
            new("q-essay", QuestionType.Essay, "Explain in a few sentences why backups matter.", null, null, null, 4),
        ],
        ProctoringPolicy.Default);
}
