namespace PopCulture.Cms.Infrastructure;

/// <summary>Reads the <c>page</c> and <c>pageSize</c> query values of a list, naming the one at fault.</summary>
public static class PageQuery
{
    public static (int Number, int Size) Read(int? page, int? pageSize, int defaultSize, int maxSize, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var number = page ?? 1;
        var size = pageSize ?? defaultSize;
        if (number < 1)
        {
            errors["page"] = ["page must be 1 or more"];
        }

        if (size < 1 || size > maxSize)
        {
            errors["pageSize"] = [$"pageSize must be from 1 to {maxSize}"];
        }

        return (number, size);
    }
}
