using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>The series and episode of a parenting lesson: checked where they are written, with the file's line.</summary>
public class ParentingSeriesFieldTests
{
    private static (ContentItem? Item, IReadOnlyList<Diagnostic> Problems) Parse(string extra)
    {
        var diagnostics = new DiagnosticBag();
        var text = $"---\ntype: parenting-lesson\ntitle: 抬头\nage_band: 0–6月\nage_months: {{ from: 1, to: 4 }}\ndomain: 动作发展\n{extra}---\n正文\n";
        var location = new ItemParser.Location("content/parenting/lesson.md", "parenting", "lesson", false, "parenting");
        var item = ItemParser.Parse(location, text, diagnostics);
        return (item, diagnostics.Snapshot());
    }

    [Fact]
    public void A_lesson_in_the_yuleyuan_series_keeps_its_series_and_episode_number()
    {
        var (item, problems) = Parse("series: 育乐园\nepisode: 3\n");

        Assert.Empty(problems);
        var fields = Assert.IsType<ParentingLessonFields>(item!.Fields);
        Assert.Equal("育乐园", fields.Series);
        Assert.Equal(3, fields.Episode);
        Assert.DoesNotContain("series", item.Extra.Keys);
    }

    [Fact]
    public void A_lesson_without_a_series_has_neither_field()
    {
        var (item, problems) = Parse("");

        Assert.Empty(problems);
        var fields = Assert.IsType<ParentingLessonFields>(item!.Fields);
        Assert.Null(fields.Series);
        Assert.Null(fields.Episode);
    }

    [Theory]
    [InlineData("series: 天天育儿\nepisode: 1\n", "content/parenting/lesson.md:7: 'series' must be one of 育乐园 (found '天天育儿')")]
    [InlineData("series: 育乐园\n", "content/parenting/lesson.md:7: a lesson in the series '育乐园' needs 'episode': its number in the series (1, 2, 3…)")]
    [InlineData("episode: 2\n", "content/parenting/lesson.md:7: 'episode' needs 'series': the series the lesson belongs to (育乐园)")]
    [InlineData("series: 育乐园\nepisode: 0\n", "content/parenting/lesson.md:8: 'episode' must be 1 to 9999 (found 0)")]
    [InlineData("series: 育乐园\nepisode: 育乐园 抬头练习\n",
        "content/parenting/lesson.md:8: 'episode' must be the lesson's number in its series, a whole number 1 to 9999 (found '育乐园 抬头练习'); the lesson's title is the episode's title")]
    public void A_wrong_series_or_episode_is_reported_at_its_line(string extra, string expected)
    {
        var (item, problems) = Parse(extra);

        Assert.Equal([expected], problems.Select(p => p.ToString()));
        var fields = Assert.IsType<ParentingLessonFields>(item!.Fields);
        Assert.Null(fields.Series);
    }
}
