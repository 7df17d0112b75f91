namespace PopCulture.Cms.Manager;

/// <summary>The manager's fixed addresses, shared by the cookie setup, the pages and the tests.</summary>
public static class ManagerPaths
{
    public const string Root = "/manager";
    public const string SignIn = "/manager/sign-in";
    public const string SignOut = "/manager/sign-out";
    public const string Denied = "/manager/denied";
    public const string Assets = "/manager/assets";

    /// <summary>
    /// Page <paramref name="number"/> of the list at <paramref name="path"/>, keeping its non-empty
    /// <paramref name="filters"/>; page 1 is the bare list. Written out rather than asked of Url.Page, which takes a
    /// "page" route value as the Razor page's own name and would link every page to the first.
    /// </summary>
    public static string Paged(string? path, int number, params (string Key, string? Value)[] filters)
    {
        var values = filters.Append((Key: "page", Value: number == 1 ? null : number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => new KeyValuePair<string, string?>(v.Key, v.Value));
        return path + Microsoft.AspNetCore.Http.QueryString.Create(values);
    }
}
