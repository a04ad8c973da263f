using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Core.Identity;

/// <summary>Identity's messages in the caller's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = l["The password must be at least {0} characters.", length] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = l["The password must contain a digit."] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = l["The password must contain a lower-case letter."] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = l["The user name {0} is taken.", userName] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = l["A user name may contain only letters, digits, '-', '.' and '_'."] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = l["The current password is wrong."] };
}
