using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PopCulture.Cms.Manager;

/// <summary>The manager's languages: Chinese for the editors by default, English on request, remembered in a cookie.</summary>
public static class ManagerCulture
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string CookieName = "popculture-lang";

    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    /// <summary>True when the current request is in English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The language the switch on every page offers.</summary>
    public static string Other => IsEnglish ? Chinese : English;

    /// <summary>The value of the <c>lang</c> attribute for the current request.</summary>
    public static string HtmlLang => IsEnglish ? English : Chinese;

    /// <summary>
    /// Only the cookie decides, not the browser's Accept-Language: office PCs often come with English browsers, and
    /// the editors work in Chinese.
    /// </summary>
    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }],
        };
    }

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
