using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>The manager shows the build queue's English reasons in Chinese, and an unknown reason as it came.</summary>
public sealed class BuildReasonsTests(SqliteCms cms) : IClassFixture<SqliteCms>
{
    [Theory]
    [InlineData("start-up", "启动时生成")]
    [InlineData("full rebuild asked for by admin@example.org", "admin@example.org 要求全部重新生成")]
    [InlineData("publish parenting/safe-sleep-0-6", "发布 parenting/safe-sleep-0-6")]
    [InlineData("unpublish news/notice-1", "撤下 news/notice-1")]
    [InlineData("schedule: 2 published, 1 expired", "定时任务：发布 2 条，到期下线 1 条")]
    [InlineData("import by editor@example.org: 3 created, 4 updated", "editor@example.org 导入内容：新建 3 条，更新 4 条")]
    [InlineData("media 0123456789abcdef0123456789abcdef described", "媒体文件 0123456789abcdef0123456789abcdef 的说明已修改")]
    [InlineData("content published on another node", "其他服务器节点发布了内容")]
    [InlineData("something new", "something new")]
    public void A_build_reason_reads_in_Chinese(string reason, string shown)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var text = cms.Services.GetRequiredService<IStringLocalizer<ManagerText>>();
            Assert.Equal(shown, BuildReasons.Translate(reason, text));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
