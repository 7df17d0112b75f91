using System.Globalization;
using System.Net.Mail;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Visits;

/// <summary>Checks a visit request field by field; the messages are shown to teachers next to the fields, so they are Chinese.</summary>
public static class VisitRequestRules
{
    public const int MaxStudents = 300;
    public const int MaxMessage = 1000;

    /// <summary>The problems, by field name; empty when the request may be stored.</summary>
    public static Dictionary<string, string[]> Check(VisitRequestInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        Text(input.Hall, "hall", 128, required: true, "请选择要参观的场馆。", Fail);
        Text(input.School, "school", 100, required: true, "请填写学校名称。", Fail);
        Text(input.Contact, "contact", 50, required: true, "请填写联系老师的姓名。", Fail);
        var phone = input.Phone?.Trim() ?? "";
        if (phone.Length == 0)
        {
            Fail("phone", "请填写联系电话。");
        }
        else if (phone.Length > 20 || phone.Count(char.IsAsciiDigit) < 7 || phone.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '+' or '(' or ')')))
        {
            Fail("phone", "联系电话只能包含数字、空格和“-+()”，至少7位数字。");
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Length > 254 || !MailAddress.TryCreate(input.Email.Trim(), out var mail) || !mail.Host.Contains('.', StringComparison.Ordinal)))
        {
            Fail("email", "电子邮箱的格式不对。");
        }

        if (!string.IsNullOrEmpty(input.Grade) && !Vocabulary.GradeBands.Contains(input.Grade, StringComparer.Ordinal))
        {
            Fail("grade", $"年级请从“{string.Join("、", Vocabulary.GradeBands)}”中选择。");
        }

        if (input.Students is not (>= 1 and <= MaxStudents))
        {
            Fail("students", $"学生人数请填写1到{MaxStudents}之间的数字。");
        }

        if (!DateOnly.TryParseExact(input.PreferredDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail("preferredDate", "请选择希望参观的日期。");
        }
        else if (date <= today || date > today.AddYears(1))
        {
            Fail("preferredDate", "参观日期应在明天到一年之内。");
        }

        Text(input.Message, "message", MaxMessage, required: false, "", Fail, lines: true);
        if (input.Consent != true)
        {
            Fail("consent", "请确认同意场馆使用以上信息与您联系。");
        }

        // A field people never see: forms that fill it in are robots.
        if (!string.IsNullOrEmpty(input.Website))
        {
            Fail("website", "此项应留空。");
        }

        return errors;
    }

    private static void Text(string? value, string field, int max, bool required, string missing, Action<string, string> fail, bool lines = false)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                fail(field, missing);
            }
        }
        else if (text.Length > max)
        {
            fail(field, $"最多{max}个字。");
        }
        else if (text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t')))
        {
            fail(field, "含有不能显示的控制字符。");
        }
    }
}
