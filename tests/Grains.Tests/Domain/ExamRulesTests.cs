using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Exam validation names the field at fault with its JSON path.</summary>
public sealed class ExamRulesTests
{
    private static int s_ids;

    private static string NewId() => $"gen{Interlocked.Increment(ref s_ids)}";

    private static Dictionary<string, string[]> ErrorsOf(ExamDraft draft) =>
        Assert.Throws<ProctorWiseException>(() => ExamRules.Normalize(draft, NewId)).Errors!;

    [Fact]
    public void AValidDraftIsTrimmedAndGetsIdsAndDefaults()
    {
        var draft = Scenario.Draft() with { Title = "  Algebra  ", Proctoring = null };
        var questions = draft.Questions.ToList();
        questions[0] = questions[0] with { Id = "" };
        var normalized = ExamRules.Normalize(draft with { Questions = questions }, NewId);
        Assert.Equal("Algebra", normalized.Title);
        Assert.StartsWith("gen", normalized.Questions[0].Id, StringComparison.Ordinal);
        Assert.Equal(ProctoringPolicy.Default, normalized.Proctoring);
    }

    [Theory]
    [InlineData(1e30)]
    [InlineData(-1e300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.05)]
    public void AYawThresholdOutsideItsRangeIsAFieldErrorEvenBeyondDecimal(double yaw)
    {
        var errors = ErrorsOf(Scenario.Draft(policy: ProctoringPolicy.Default with { LookingAwayYaw = yaw }));
        Assert.Equal(["proctoring.lookingAwayYaw"], errors.Keys);
    }

    [Fact]
    public void SlotsStartInTheFutureAndAtMostFiveYearsAhead()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        ExamRules.CheckSlot(now.AddYears(5), 1, now);
        foreach (var startsAt in new[] { now, now.AddYears(5).AddTicks(1), DateTimeOffset.MaxValue })
        {
            var errors = Assert.Throws<ProctorWiseException>(() => ExamRules.CheckSlot(startsAt, 1, now)).Errors!;
            Assert.Equal(["startsAt"], errors.Keys);
        }

        Assert.Equal(["capacity"], Assert.Throws<ProctorWiseException>(() => ExamRules.CheckSlot(now.AddDays(1), 10_001, now)).Errors!.Keys);
    }

    [Fact]
    public void TopLevelFieldsAreChecked()
    {
        var errors = ErrorsOf(Scenario.Draft() with { Title = " ", DurationMinutes = 0, PassMarkPercent = 101, Description = new string('x', 5001) });
        Assert.Contains("title", errors.Keys);
        Assert.Contains("durationMinutes", errors.Keys);
        Assert.Contains("passMarkPercent", errors.Keys);
        Assert.Contains("description", errors.Keys);
    }

    [Fact]
    public void ChoiceKeysMustPointAtOptions()
    {
        var draft = Scenario.Draft() with
        {
            Questions =
            [
                new("a", QuestionType.SingleChoice, "?", ["x", "y"], [0, 1], null, 1),
                new("b", QuestionType.MultipleChoice, "?", ["x"], [3], null, 1),
                new("c", QuestionType.TrueFalse, "?", ["t", "f"], [2], null, 1),
                new("d", QuestionType.ShortAnswer, "?", null, null, null, 1),
                new("e", QuestionType.Essay, "?", null, null, "key", 0),
            ],
        };
        var errors = ErrorsOf(draft);
        Assert.Contains("Exactly one correct option.", errors["questions[0].correct"]);
        Assert.Contains("questions[1].options", errors.Keys);
        Assert.Contains("questions[1].correct", errors.Keys);
        Assert.Contains("questions[2].options", errors.Keys);
        Assert.Contains("questions[2].correct", errors.Keys);
        Assert.Contains("questions[3].correctText", errors.Keys);
        Assert.Contains("questions[4].correctText", errors.Keys);
        Assert.Contains("questions[4].points", errors.Keys);
    }

    [Fact]
    public void QuestionIdsAreUniqueAndSafe()
    {
        var q = Scenario.Draft().Questions[0];
        var errors = ErrorsOf(Scenario.Draft() with { Questions = [q, q, q with { Id = "no spaces/slashes" }] });
        Assert.Contains("Duplicate question id.", errors["questions[1].id"]);
        Assert.Contains("questions[2].id", errors.Keys);
    }

    [Fact]
    public void PolicyThresholdsAreBounded()
    {
        var errors = ErrorsOf(Scenario.Draft(policy: new ProctoringPolicy(NoFaceSeconds: 0, FrameTimeoutSeconds: 1)));
        Assert.Contains("proctoring.noFaceSeconds", errors.Keys);
        Assert.Contains("proctoring.frameTimeoutSeconds", errors.Keys);
    }

    [Fact]
    public void NoPolicyLetsOneFrameRaiseAnAnomaly()
    {
        var errors = ErrorsOf(Scenario.Draft(policy: new ProctoringPolicy(MultipleFacesFrames: 1, ObjectFrames: 1)));
        Assert.Contains("proctoring.multipleFacesFrames", errors.Keys);
        Assert.Contains("proctoring.objectFrames", errors.Keys);
        Assert.Equal(2, ExamRules.Normalize(Scenario.Draft(policy: new ProctoringPolicy(MultipleFacesFrames: 2, ObjectFrames: 2)), NewId).Proctoring!.MultipleFacesFrames);
    }

    [Fact]
    public void OversizedTextIsRefused()
    {
        var q = Scenario.Draft().Questions[0] with { Text = new string('x', ExamRules.MaxQuestionText + 1) };
        Assert.Contains("questions[0].text", ErrorsOf(Scenario.Draft() with { Questions = [q] }).Keys);
    }
}
