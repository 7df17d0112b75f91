namespace PopCulture.Site.Content;

/// <summary>The fixed Chinese labels the content contract allows for enumerated fields.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Districts =
        ["姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "苏州工业园区", "常熟市", "张家港市", "昆山市", "太仓市"];

    public static readonly IReadOnlyList<string> ParkLevels = ["地标精品", "镇（街道）", "村（社区）"];

    public static readonly IReadOnlyList<string> SiteKinds = ["示范基地", "项目点"];

    public static readonly IReadOnlyList<AgeBand> AgeBands =
    [
        new("0–6月", 0, 6),
        new("6–12月", 6, 12),
        new("1–2岁", 12, 24),
        new("2–3岁", 24, 36),
    ];

    public static readonly IReadOnlyList<string> ParentingDomains = ["营养喂养", "睡眠", "动作发展", "语言", "社会情感", "健康安全"];

    /// <summary>
    /// Series a parenting lesson may belong to. The plan names one: the 育乐园 TV classroom
    /// (“办好电视课堂，精心打造面向家庭的科学育儿‘育乐园’品牌栏目”).
    /// </summary>
    public static readonly IReadOnlyList<ParentingSeries> ParentingSeries =
    [
        new("育乐园", "yuleyuan", "“育乐园”电视课堂",
            "规划提出办好电视课堂，精心打造面向家庭的科学育儿“育乐园”品牌栏目，形成电视媒体课堂、实体机构体验、网络平台互动、社区家庭指导的公益促进模式。"),
    ];

    public static readonly IReadOnlyList<string> Audiences = ["学生", "教师", "家长"];

    public static readonly IReadOnlyList<string> GradeBands = ["小学高年级", "初中", "高中"];

    public static ParentingSeries? FindSeries(string name)
    {
        foreach (var series in ParentingSeries)
        {
            if (series.Name == name)
            {
                return series;
            }
        }

        return null;
    }

    /// <summary>Finds the age band for a label, accepting an ASCII hyphen or a wave dash for the en dash.</summary>
    public static AgeBand? FindAgeBand(string label)
    {
        var normalised = label.Trim().Replace('-', '–').Replace('～', '–').Replace('~', '–');
        foreach (var band in AgeBands)
        {
            if (band.Label == normalised)
            {
                return band;
            }
        }

        return null;
    }
}

/// <summary>An age band of the 0–3 parenting programme and the months it spans.</summary>
public sealed record AgeBand(string Label, int FromMonths, int ToMonths);
