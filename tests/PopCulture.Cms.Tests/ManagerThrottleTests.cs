using System.Net;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Password attempts through the sign-in form share the token endpoint's per-address limit, and a refused attempt gets
/// the form back with words. SQLite only, and a CMS of its own: the limit is the host's state, not the store's.
/// </summary>
public sealed class ManagerThrottleTests(SqliteCms cms) : IClassFixture<SqliteCms>
{
    [Fact]
    public async Task The_eleventh_attempt_in_a_minute_is_sent_back_to_the_form_with_a_message()
    {
        var (user, _) = await ManagerVisitor.CreateUserAsync(cms, "editor");
        using var visitor = ManagerVisitor.Anonymous(cms);
        var wrong = new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = "not-the-Passw0rd" };

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.SubmitAsync("/manager/sign-in", "main form", wrong)).StatusCode);
        }

        var refused = await visitor.SubmitAsync("/manager/sign-in", "main form", wrong);

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        var page = await visitor.PageAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal("尝试登录次数过多，请一分钟后再试。", page.QuerySelector("[role=alert]")!.TextContent);
    }
}
