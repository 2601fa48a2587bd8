using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The month's cast: students (each with an ability), teachers and exams, drawn once from the seed.</summary>
internal sealed class Population
{
    private static readonly QuestionType[] s_autoTypes = [QuestionType.SingleChoice, QuestionType.MultipleChoice, QuestionType.TrueFalse, QuestionType.ShortAnswer];
    private static readonly decimal[] s_points = [1m, 2m, 1m, 3m];

    private Population(Student[] students, string[] teachers, Exam[] exams, DateTimeOffset[] registered)
    {
        Students = students;
        Teachers = teachers;
        Exams = exams;
        TeacherRegisteredAt = registered;
    }

    public Student[] Students { get; }

    public string[] Teachers { get; }

    public DateTimeOffset[] TeacherRegisteredAt { get; }

    public Exam[] Exams { get; }

    public static Population Create(BenchOptions options)
    {
        var random = new Random(options.Seed);
        var monthStart = options.Month.Start;

        // Accounts registered during the 90 days before the month.
        DateTimeOffset Registered() => monthStart.AddDays(-90).AddSeconds(random.NextDouble() * 90 * 86_400);

        var teacherTimes = new DateTimeOffset[options.Teachers];
        var teachers = new string[options.Teachers];
        for (var i = 0; i < teachers.Length; i++)
        {
            teacherTimes[i] = Registered();
            teachers[i] = SeededIds.Id(random, teacherTimes[i]);
        }

        var students = new Student[options.Students];
        for (var i = 0; i < students.Length; i++)
        {
            var at = Registered();
            students[i] = new Student(SeededIds.Id(random, at), Math.Clamp(Gaussian(random, 0.70, 0.15), 0.05, 0.99), at);
        }

        var exams = new Exam[options.Exams];
        for (var i = 0; i < exams.Length; i++)
        {
            // Every tenth exam ends with an essay a teacher grades by hand.
            var essay = i % 10 == 0;
            var count = options.Questions;
            var types = new QuestionType[count];
            var points = new decimal[count];
            var ids = new string[count];
            for (var q = 0; q < count; q++)
            {
                var isEssay = essay && q == count - 1;
                types[q] = isEssay ? QuestionType.Essay : s_autoTypes[q % s_autoTypes.Length];
                points[q] = isEssay ? 10m : s_points[q % s_points.Length];
                ids[q] = SeededIds.Id(random, monthStart.AddDays(-100));
            }

            var teacher = teachers[i % teachers.Length];
            exams[i] = new Exam(SeededIds.Id(random, monthStart.AddDays(-100)), teacher, ids, types, points, essay, Gaussian(random, 0, 0.08));
        }

        return new Population(students, teachers, exams, teacherTimes);
    }

    public static double Gaussian(Random random, double mean, double stddev)
    {
        // Box–Muller.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return mean + (stddev * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
    }

    internal sealed record Student(string Id, double Ability, DateTimeOffset RegisteredAt);

    internal sealed record Exam(string Id, string TeacherId, string[] QuestionIds, QuestionType[] Types, decimal[] Points, bool HasEssay, double Difficulty);
}
