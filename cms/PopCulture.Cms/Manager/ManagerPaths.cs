namespace PopCulture.Cms.Manager;

/// <summary>The manager's fixed addresses, shared by the cookie setup, the pages and the tests.</summary>
public static class ManagerPaths
{
    public const string Root = "/manager";
    public const string SignIn = "/manager/sign-in";
    public const string SignOut = "/manager/sign-out";
    public const string Denied = "/manager/denied";
    public const string Assets = "/manager/assets";
}
