using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Accounts;

/// <summary>
/// The users and tokens services word their refusals in English for API clients; the manager shows each in Chinese
/// next to its field, matched by the field and the shape of the message, keeping the original when it is not known.
/// </summary>
public static partial class AccountErrors
{
    /// <summary>
    /// The service's errors by form field: <c>grants[1].sections</c> becomes the row of the role at index 1 in
    /// <paramref name="roleAt"/>.
    /// </summary>
    public static FieldErrors From(IDictionary<string, string[]>? errors, IReadOnlyList<string> roleAt, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(roleAt);
        ArgumentNullException.ThrowIfNull(text);
        var result = new FieldErrors();
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var key = field;
            if (GrantField().Match(field) is { Success: true } grant
                && int.Parse(grant.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < roleAt.Count)
            {
                key = GrantChoices.Key(roleAt[index]);
            }

            // Identity refuses a taken email twice (as user name and as email): one message says it.
            foreach (var message in messages.Select(m => Translate(m, text)).Distinct(StringComparer.Ordinal).Where(m => !result.For(key).Contains(m)))
            {
                result.Add(key, message);
            }
        }

        return result;
    }

    /// <summary>One message of the users or tokens service in the manager's language.</summary>
    public static string Translate(string message, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        if (PasswordLength().Match(message) is { Success: true } length)
        {
            return text["Admin.Error.PasswordLength", length.Groups[1].Value];
        }

        var key = message switch
        {
            _ when message.StartsWith("email is required", StringComparison.Ordinal) => "Admin.Error.EmailRequired",
            _ when message.Contains("is already taken", StringComparison.Ordinal) => "Admin.Error.EmailTaken",
            _ when message.Contains("is invalid", StringComparison.Ordinal) => "Admin.Error.EmailInvalid",
            _ when message.StartsWith("password is required", StringComparison.Ordinal) => "Admin.Error.PasswordRequired",
            _ when message.StartsWith("a new password must be", StringComparison.Ordinal) => "Admin.Error.PasswordRequired",
            _ when message.Contains("at least one digit", StringComparison.Ordinal) => "Admin.Error.PasswordDigit",
            _ when message.Contains("at least one lowercase", StringComparison.Ordinal) => "Admin.Error.PasswordLower",
            _ when message.Contains("at least one uppercase", StringComparison.Ordinal) => "Admin.Error.PasswordUpper",
            _ when message.Contains("non alphanumeric", StringComparison.Ordinal) => "Admin.Error.PasswordSymbol",
            _ when message.Contains("different characters", StringComparison.Ordinal) => "Admin.Error.PasswordUnique",
            _ when message.StartsWith("displayName is at most", StringComparison.Ordinal) => "Admin.Error.DisplayName",
            _ when message.StartsWith("role must be one of", StringComparison.Ordinal) => "Admin.Error.Role",
            _ when message.Contains("is not a section name", StringComparison.Ordinal) => "Admin.Error.SectionName",
            _ when message.Contains("sections per grant", StringComparison.Ordinal) => "Admin.Error.SectionName",
            _ when message.StartsWith("an admin grant covers every section", StringComparison.Ordinal) => "Admin.Error.AdminSections",
            _ when message.StartsWith("this is the last admin", StringComparison.Ordinal) => "Admin.Error.LastAdmin",
            _ when message.StartsWith("you cannot take away your own admin role", StringComparison.Ordinal) => "Admin.Error.Self",
            _ when message.StartsWith("you cannot delete your own account", StringComparison.Ordinal) => "Admin.Error.DeleteSelf",
            _ when message.StartsWith("name is required", StringComparison.Ordinal) => "Admin.Error.TokenName",
            _ when message.StartsWith("scope must be", StringComparison.Ordinal) => "Admin.Error.TokenScope",
            _ when message.StartsWith("expiresInDays must be", StringComparison.Ordinal) => "Admin.Error.TokenDays",
            _ when message.StartsWith("the current password is required", StringComparison.Ordinal) => "Account.Error.CurrentRequired",
            _ when message.StartsWith("the current password is wrong", StringComparison.Ordinal) => "Account.Error.CurrentWrong",
            _ when message.StartsWith("the two new passwords differ", StringComparison.Ordinal) => "Account.Error.Mismatch",
            _ => null,
        };
        return key is null ? text["Error.Other", message] : text[key];
    }

    [GeneratedRegex(@"^grants\[(\d+)\]\.")]
    private static partial Regex GrantField();

    [GeneratedRegex(@"Passwords must be at least (\d+) characters")]
    private static partial Regex PasswordLength();
}
