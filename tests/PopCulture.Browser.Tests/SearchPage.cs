using System.Text.Json;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The <c>/search/</c> page as the issue specifies it, driven the way a reader drives it.</summary>
public sealed class SearchPage(BrowserSession session)
{
    /// <summary>The page's own search box (the header carries another on every page; on /search/ the main one is the reader's).</summary>
    public const string Box = "main form[role=search] input[type=search][name=q]";

    public const string Results = "[data-search-results]";

    public const string ResultLinks = "[data-search-results] a";

    private readonly IPage _page = session.Page;

    public async Task GotoAsync(string? query = null)
    {
        var url = query is null ? "/search/" : "/search/?q=" + Uri.EscapeDataString(query);
        var response = await _page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
    }

    /// <summary>The hrefs of the result links, in rank order, as site paths, once the list is complete (not aria-busy).</summary>
    public async Task<IReadOnlyList<string>> HrefsAsync()
    {
        await _page.Locator(Results + ":not([aria-busy])").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        return await _page.Locator(ResultLinks).EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
    }

    /// <summary>Waits until at least one result is shown.</summary>
    public async Task WaitForResultsAsync() =>
        await _page.Locator(ResultLinks).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

    /// <summary>Waits until the results are those of a query, recognised by the path of the first result.</summary>
    public async Task WaitForTopAsync(string path) =>
        await _page.WaitForFunctionAsync(
            "([selector, path]) => { const a = document.querySelector(selector); return a !== null && new URL(a.href).pathname === path; }",
            new[] { ResultLinks, path },
            new PageWaitForFunctionOptions { Timeout = 10_000 });

    /// <summary>
    /// Commits <paramref name="query"/> into the box in one input event, as a Chinese input method does when a word is
    /// chosen, and measures in the page from that event to the moment the first result is <paramref name="expectedTop"/>
    /// (or, when it is null, to the first result of any kind: for a first query, when the list starts empty).
    /// </summary>
    public async Task<double> TypeAndTimeAsync(string query, string? expectedTop = null)
    {
        await _page.Locator(Box).FocusAsync();
        await _page.Locator(Box).SelectTextAsync();
        await _page.EvaluateAsync(
            """
            ([box, results, path]) => {
              const input = document.querySelector(box);
              const list = document.querySelector(results);
              window.__firstResults = new Promise((resolve, reject) => {
                let start = null;
                const shown = () => { const a = list.querySelector('a'); return a !== null && (path === null || new URL(a.href).pathname === path); };
                const observer = new MutationObserver(() => {
                  if (start !== null && shown()) {
                    observer.disconnect();
                    window.__chunksBeforeFirst = performance.getEntriesByType('resource').filter(e => e.startTime >= start && e.name.includes('/search-index/d/')).length;
                    resolve(performance.now() - start);
                  }
                });
                input.addEventListener('input', () => { start ??= performance.now(); window.__queryStart = start; }, { capture: true, once: true });
                observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
                setTimeout(() => { observer.disconnect(); reject(new Error('no results (' + path + ') within 10 s')); }, 10000);
              });
            }
            """,
            new object?[] { Box, Results, expectedTop });
        await _page.Keyboard.InsertTextAsync(query);
        return await _page.EvaluateAsync<double>("() => window.__firstResults");
    }

    /// <summary>How many doc chunks the last timed query had fetched when its first result appeared.</summary>
    public async Task<int> ChunksBeforeFirstResultAsync() => await _page.EvaluateAsync<int>("() => window.__chunksBeforeFirst");

    /// <summary>
    /// The last timed query's file fetches as the page saw them, in milliseconds from the query's input event: when
    /// each was asked for, when its request went out, and when its last byte arrived.
    /// </summary>
    public async Task<IReadOnlyList<string>> FetchTimelineAsync() =>
        await _page.EvaluateAsync<string[]>(
            """
            () => performance.getEntriesByType('resource')
              .filter(e => e.startTime >= window.__queryStart)
              .map(e => `${new URL(e.name).pathname}: asked +${(e.startTime - window.__queryStart).toFixed(1)}, sent +${(e.requestStart - window.__queryStart).toFixed(1)}, done +${(e.responseEnd - window.__queryStart).toFixed(1)} ms`)
            """);

    /// <summary>What one result shows: the link's text and the text and highlighted words of its result item.</summary>
    public async Task<ResultItem> ItemAsync(int rank)
    {
        await _page.Locator(Results + ":not([aria-busy])").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        var json = await _page.Locator(ResultLinks).Nth(rank).EvaluateAsync<JsonElement>(
            """
            a => {
              const item = a.closest('li, article') ?? a;
              return { href: new URL(a.href).pathname, title: a.textContent.trim(), text: item.textContent.replace(/\s+/g, ' ').trim(),
                       marks: [...item.querySelectorAll('mark')].map(m => m.textContent) };
            }
            """);
        return new ResultItem(
            json.GetProperty("href").GetString()!,
            json.GetProperty("title").GetString()!,
            json.GetProperty("text").GetString()!,
            [.. json.GetProperty("marks").EnumerateArray().Select(m => m.GetString()!)]);
    }
}
