namespace Jiayuan.Core.Privacy;

/// <summary>Display masks for personal data (PIPL practice): 138****5678, 510***********1234, 张**.</summary>
public static class Masking
{
    public static string Phone(string phone) =>
        phone.Length >= 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)) : new string('*', phone.Length);

    public static string IdNumber(string id) =>
        id.Length >= 10 ? string.Concat(id.AsSpan(0, 3), new string('*', id.Length - 7), id.AsSpan(id.Length - 4)) : new string('*', id.Length);

    public static string Name(string name) =>
        name.Length <= 1 ? name : string.Concat(name.AsSpan(0, 1), new string('*', Math.Min(name.Length - 1, 2)));
}
