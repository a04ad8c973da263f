using System.Globalization;
using System.Security.Cryptography;
using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Messaging;
using Jiayuan.Core.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Core.Identity;

/// <summary>What a resident fills in to register; everything but phone, code and password is optional.</summary>
public sealed record RegisterInput(string? Phone, string? Code, string? Password, string? UserName = null, string? RealName = null, string? IdNumber = null, long? HomePlaceId = null);

/// <summary>What a user may change in their profile.</summary>
public sealed record ProfileInput(string? DisplayName, string? RealName, string? IdNumber);

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
}

/// <summary>Registration, phone codes, sign-in by phone or user name, profile: shared by the pages and the API.</summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    JiayuanDbContext db,
    IPersonalDataCipher protector,
    ISmsSender sms,
    IAuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    private static readonly TimeSpan _codeLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan _codeInterval = TimeSpan.FromSeconds(60);

    public FieldErrors NewErrors() => new(l);

    /// <summary>Sends a 6-digit code to <paramref name="phoneInput"/>; at most one a minute per phone.</summary>
    public async Task<FieldErrors> SendCodeAsync(string? phoneInput, CancellationToken ct = default)
    {
        var errors = NewErrors();
        var phone = ValidatePhone(phoneInput, errors);
        if (phone is null)
        {
            return errors;
        }
        var hash = protector.Hash(phone);
        var now = clock.GetUtcNow();
        var since = now - _codeInterval;
        if (await db.SmsCodes.AnyAsync(c => c.PhoneHash == hash && c.CreatedAt > since, ct))
        {
            return errors.Add("phone", "A code was sent less than a minute ago; please wait before asking again.");
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        db.SmsCodes.Add(new SmsCode { PhoneHash = hash, Code = code, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(phone, string.Format(CultureInfo.InvariantCulture, "【家园】您的验证码是 {0}，10 分钟内有效。如非本人操作请忽略。", code), ct);
        return errors;
    }

    public async Task<(AppUser? User, FieldErrors Errors)> RegisterAsync(RegisterInput input, CancellationToken ct = default)
    {
        var errors = NewErrors();
        var phone = ValidatePhone(input.Phone, errors);
        errors.Required("code", input.Code, "Verification code");
        errors.Required("password", input.Password, "Password");
        errors.MaxLength("realName", input.RealName, 50, "Real name");
        var id = ValidateIdNumber(input.IdNumber, errors);
        if (!string.IsNullOrWhiteSpace(input.UserName) && (input.UserName.Length is < 3 or > 32 || Phone.IsMobile(input.UserName)))
        {
            errors.Add("userName", "A user name has 3 to 32 characters and is not a phone number.");
        }
        if (errors.Any || phone is null)
        {
            return (null, errors);
        }
        var phoneHash = protector.Hash(phone);
        if (await db.Users.AnyAsync(u => u.PhoneHash == phoneHash, ct))
        {
            return (null, errors.Add("phone", "This phone number is already registered; log in instead."));
        }
        if (!await ConsumeCodeAsync(phoneHash, input.Code!.Trim(), ct))
        {
            return (null, errors.Add("code", "The verification code is wrong or has expired."));
        }
        var user = new AppUser
        {
            UserName = string.IsNullOrWhiteSpace(input.UserName) ? "jy" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : input.UserName.Trim(),
            RealName = string.IsNullOrWhiteSpace(input.RealName) ? null : input.RealName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            HomePlaceId = input.HomePlaceId,
            PhoneVerified = true,
        };
        user.DisplayName = user.RealName is null ? user.UserName : Masking.Name(user.RealName);
        SetPhone(user, phone);
        SetIdNumber(user, id);
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                errors.Add(e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "password", e.Description);
            }
            return (null, errors);
        }
        return (user, errors);
    }

    public void SetPhone(AppUser user, string normalizedPhone)
    {
        user.PhoneCipher = protector.Protect(normalizedPhone);
        user.PhoneHash = protector.Hash(normalizedPhone);
        user.PhoneMasked = Masking.Phone(normalizedPhone);
    }

    public void SetIdNumber(AppUser user, string? normalizedId)
    {
        user.IdNumberCipher = normalizedId is null ? null : protector.Protect(normalizedId);
        user.IdNumberHash = normalizedId is null ? null : protector.Hash(normalizedId);
        user.IdNumberMasked = normalizedId is null ? null : Masking.IdNumber(normalizedId);
    }

    public async Task<FieldErrors> UpdateProfileAsync(AppUser user, ProfileInput input, CancellationToken ct = default)
    {
        var errors = NewErrors();
        errors.MaxLength("displayName", input.DisplayName, 50, "Display name");
        errors.MaxLength("realName", input.RealName, 50, "Real name");
        var id = ValidateIdNumber(input.IdNumber, errors);
        if (errors.Any)
        {
            return errors;
        }
        user.DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? user.DisplayName : input.DisplayName.Trim();
        user.RealName = string.IsNullOrWhiteSpace(input.RealName) ? null : input.RealName.Trim();
        if (id is not null)
        {
            SetIdNumber(user, id);
        }
        var result = await users.UpdateAsync(user);
        foreach (var e in result.Errors)
        {
            errors.Add("displayName", e.Description);
        }
        return errors;
    }

    /// <summary>Changes the password of a signed-in user who knows the current one.</summary>
    public async Task<FieldErrors> ChangePasswordAsync(AppUser user, string? current, string? next)
    {
        var errors = NewErrors().Required("currentPassword", current, "Current password").Required("newPassword", next, "New password");
        if (errors.Any)
        {
            return errors;
        }
        var result = await users.ChangePasswordAsync(user, current!, next!);
        foreach (var e in result.Errors)
        {
            errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e.Description);
        }
        return errors;
    }

    /// <summary>Sets a new password for the account of a phone, proven by a code sent to it (forgotten password).</summary>
    public async Task<FieldErrors> ResetPasswordAsync(string? phoneInput, string? code, string? newPassword, CancellationToken ct = default)
    {
        var errors = NewErrors();
        var phone = ValidatePhone(phoneInput, errors);
        errors.Required("code", code, "Verification code").Required("newPassword", newPassword, "New password");
        if (errors.Any || phone is null)
        {
            return errors;
        }
        var hash = protector.Hash(phone);
        var user = await db.Users.FirstOrDefaultAsync(u => u.PhoneHash == hash, ct);
        if (user is null || !await ConsumeCodeAsync(hash, code!.Trim(), ct))
        {
            // The same message whether or not the phone has an account, so the form does not reveal who is registered.
            return errors.Add("code", "The verification code is wrong or has expired.");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword!);
        foreach (var e in result.Errors)
        {
            errors.Add("newPassword", e.Description);
        }
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await audit.RecordAsync("password-reset", nameof(AppUser), user.Id.ToString(CultureInfo.InvariantCulture), null, ct);
        }
        return errors;
    }

    /// <summary>Finds the account for a login that is either a phone number or a user name.</summary>
    public async Task<AppUser?> FindByLoginAsync(string login, CancellationToken ct = default)
    {
        var normalized = Phone.Normalize(login);
        if (Phone.IsMobile(normalized))
        {
            var hash = protector.Hash(normalized);
            return await db.Users.FirstOrDefaultAsync(u => u.PhoneHash == hash, ct);
        }
        return await users.FindByNameAsync(login.Trim());
    }

    /// <summary>Checks the password with lockout after 5 failures; audits failures and lockouts.</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckPasswordAsync(string? login, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return (SignInOutcome.Invalid, null);
        }
        var user = await FindByLoginAsync(login, ct);
        if (user is null)
        {
            await audit.RecordAsync("login-failed", nameof(AppUser), null, "unknown login", ct);
            return (SignInOutcome.Invalid, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("login", nameof(AppUser), user.Id.ToString(CultureInfo.InvariantCulture), null, ct);
            return (SignInOutcome.Succeeded, user);
        }
        await audit.RecordAsync(result.IsLockedOut ? "login-locked" : "login-failed", nameof(AppUser), user.Id.ToString(CultureInfo.InvariantCulture), null, ct);
        return (result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid, user);
    }

    /// <summary>The message a user sees for a failed sign-in (the same for a wrong password and an unknown login).</summary>
    public string SignInMessage(SignInOutcome outcome) => outcome == SignInOutcome.LockedOut
        ? l["Too many failed attempts: the account is locked for 15 minutes."]
        : l["Wrong login or password."];

    /// <summary>Decrypts a user's phone and ID number for someone allowed to see them, and audits it.</summary>
    public async Task<(string? Phone, string? IdNumber)> UnmaskAsync(AppUser user, CancellationToken ct = default)
    {
        await audit.RecordAsync("unmask", nameof(AppUser), user.Id.ToString(CultureInfo.InvariantCulture), "phone,idNumber", ct);
        return (user.PhoneCipher is null ? null : protector.Unprotect(user.PhoneCipher),
            user.IdNumberCipher is null ? null : protector.Unprotect(user.IdNumberCipher));
    }

    private async Task<bool> ConsumeCodeAsync(string phoneHash, string code, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - _codeLifetime;
        var latest = await db.SmsCodes.Where(c => c.PhoneHash == phoneHash && !c.Used && c.CreatedAt > since)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null || latest.Attempts >= 5)
        {
            return false;
        }
        latest.Attempts++;
        var ok = CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(latest.Code), System.Text.Encoding.ASCII.GetBytes(code));
        latest.Used = ok;
        await db.SaveChangesAsync(ct);
        return ok;
    }

    private static string? ValidatePhone(string? input, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            errors.Required("phone", input, "Phone number");
            return null;
        }
        var phone = Phone.Normalize(input);
        if (!Phone.IsMobile(phone))
        {
            errors.Add("phone", "A mobile number has 11 digits and starts with 13–19, e.g. 13812345678.");
            return null;
        }
        return phone;
    }

    private static string? ValidateIdNumber(string? input, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var id = ChineseId.Normalize(input);
        if (!ChineseId.IsValid(id))
        {
            errors.Add("idNumber", "The ID number is not valid (GB 11643: 18 characters whose last one is the check digit).");
            return null;
        }
        return id;
    }
}
