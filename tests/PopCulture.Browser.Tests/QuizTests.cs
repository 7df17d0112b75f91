using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>A lesson's self-check quiz, answered and checked in the browser (content/adolescence/puberty-students-2-emotions).</summary>
public sealed class QuizTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Lesson = "/adolescence/puberty-students-2-emotions/";

    [Fact]
    public Task A_wrong_answer_is_said_to_be_wrong_and_opens_the_explanation() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(Lesson);
        var first = session.Page.Locator(".quiz-item").First;

        await first.GetByLabel("激素水平在变化").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "核对答案" }).ClickAsync();

        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("还不对，看看下面的解释。");
        await Assertions.Expect(first.Locator("details.quiz-answer")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(first.Locator("details.quiz-answer")).ToContainTextAsync("并不是谁的“性格坏”");
    });

    [Fact]
    public Task The_right_answer_is_confirmed_and_the_keyboard_alone_can_give_it() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(Lesson);
        var second = session.Page.Locator(".quiz-item").Nth(1);

        await second.GetByLabel("先离开现场冷静一下，再想办法沟通").FocusAsync();
        await session.Page.Keyboard.PressAsync("Space");
        await second.GetByRole(AriaRole.Button, new() { Name = "核对答案" }).FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync("回答正确！");
    });

    [Fact]
    public Task Checking_without_choosing_asks_for_a_choice_first() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(Lesson);
        var third = session.Page.Locator(".quiz-item").Nth(2);

        await third.GetByRole(AriaRole.Button, new() { Name = "核对答案" }).ClickAsync();

        await Assertions.Expect(third.GetByRole(AriaRole.Status)).ToHaveTextAsync("请先选择一个答案。");
        await Assertions.Expect(third.Locator("details.quiz-answer")).Not.ToHaveAttributeAsync("open", "");
    });

    [Fact]
    public Task Each_question_carries_its_number_which_screen_readers_hear_with_it() => browser.RunAsync(output, async session =>
    {
        // The number belongs to the question (its legend): a list marker was painted beside the first option instead, and a
        // CSS counter there is not part of the name Chromium gives screen readers.
        await session.Page.GotoAsync(Lesson);
        Assert.Equal("none", await session.Page.Locator(".quiz-list").EvaluateAsync<string>("l => getComputedStyle(l).listStyleType"));

        // Chromium's own accessibility tree, as a screen reader reads it (Playwright's role engine leaves out generated text).
        var cdp = await session.Page.Context.NewCDPSessionAsync(session.Page);
        var document = await cdp.SendAsync("DOM.getDocument");
        var found = await cdp.SendAsync("DOM.querySelector", new()
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = ".quiz-item:nth-child(2) fieldset",
        });
        var tree = await cdp.SendAsync("Accessibility.getPartialAXTree", new()
        {
            ["nodeId"] = found!.Value.GetProperty("nodeId").GetInt32(),
            ["fetchRelatives"] = false,
        });
        var name = tree!.Value.GetProperty("nodes")[0].GetProperty("name").GetProperty("value").GetString();
        Assert.Equal("2. 和同学吵架后非常生气，哪种做法更好？", name);
    });

    [Fact]
    public Task A_multiple_choice_question_is_right_only_with_every_right_box_ticked() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync("/adolescence/puberty-students-5-safety-help/");
        var question = session.Page.Locator(".quiz-item").Filter(new() { HasText = "多选" });
        var check = question.GetByRole(AriaRole.Button, new() { Name = "核对答案" });
        var status = question.GetByRole(AriaRole.Status);

        await question.GetByRole(AriaRole.Checkbox, new() { Name = "不把自己的照片、住址和电话随便发给网友" }).CheckAsync();
        await check.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("还不对，看看下面的解释。"); // one right box of two is not the answer

        await question.GetByRole(AriaRole.Checkbox, new() { Name = "遇到威胁或勒索，保留聊天记录，立刻告诉家长" }).CheckAsync();
        await check.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("回答正确！");

        await question.GetByRole(AriaRole.Checkbox, new() { Name = "网友约见面，一个人悄悄去" }).CheckAsync();
        await check.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("还不对，看看下面的解释。"); // a wrong box ticked as well
        await Assertions.Expect(question.Locator("details.quiz-answer")).ToContainTextAsync("正确答案：A. 不把自己的照片、住址和电话随便发给网友；C. 遇到威胁或勒索");
    });
}
