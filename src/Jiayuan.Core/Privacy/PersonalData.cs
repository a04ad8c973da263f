using System.Security.Cryptography;
using System.Text;

namespace Jiayuan.Core.Privacy;

/// <summary>Encrypts personal data at rest and computes the keyed hash used for exact lookups. Kept behind an interface so an SM4 provider can replace it.</summary>
public interface IPersonalDataCipher
{
    string Protect(string plaintext);
    string Unprotect(string ciphertext);
    /// <summary>Keyed hash (HMAC-SHA256, hex) of the normalized value, for equality lookups without decrypting.</summary>
    string Hash(string normalized);
}

/// <summary>AES-256-GCM with a random 96-bit nonce per value; "v1:" + base64(nonce | tag | ciphertext).</summary>
internal sealed class AesGcmPersonalDataCipher : IPersonalDataCipher
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public AesGcmPersonalDataCipher(byte[] masterKey)
    {
        if (masterKey.Length < 32)
        {
            throw new ArgumentException("The personal-data key must be at least 32 bytes.", nameof(masterKey));
        }
        // Separate keys for encryption and hashing, derived from one configured secret.
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "jiayuan-pd-enc"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "jiayuan-pd-hash"u8.ToArray());
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[12 + 16 + plain.Length];
        var nonce = buffer.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, plain, buffer.AsSpan(28), buffer.AsSpan(12, 16));
        return "v1:" + Convert.ToBase64String(buffer);
    }

    public string Unprotect(string ciphertext)
    {
        if (!ciphertext.StartsWith("v1:", StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown personal-data format.");
        }
        var buffer = Convert.FromBase64String(ciphertext[3..]);
        var plain = new byte[buffer.Length - 28];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(buffer.AsSpan(0, 12), buffer.AsSpan(28), buffer.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string Hash(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));
}
