using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace PopCulture.Cms.Manager;

/// <summary>
/// Names the manager's strings: <c>ManagerText.resx</c> beside this file holds them in Chinese (the neutral language),
/// <c>ManagerText.en.resx</c> in English. Pages read them through <c>IStringLocalizer&lt;ManagerText&gt;</c>.
/// </summary>
public sealed class ManagerText;
