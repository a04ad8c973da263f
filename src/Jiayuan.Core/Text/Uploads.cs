using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;

namespace Jiayuan.Core.Text;

/// <summary>Checks an uploaded file by its content (not its name) and re-encodes images without metadata (EXIF, GPS).</summary>
public static class Uploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Accepted(byte[] Content, string ContentType, string FileName);

    /// <summary>Reads an uploaded form file and checks it (present, at most 10 MB, content); returns it or the resource key of the refusal.</summary>
    public static async Task<(Accepted? File, string? Error)> ReadAsync(Microsoft.AspNetCore.Http.IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Choose a file to attach.");
        }
        if (file.Length > MaxBytes)
        {
            return (null, "The file is larger than 10 MB.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return Inspect(file.FileName, buffer.ToArray());
    }

    /// <summary>Returns the accepted file, or the resource key of the reason it was refused.</summary>
    public static (Accepted? File, string? Error) Inspect(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }
        if (content.Length > MaxBytes)
        {
            return (null, "The file is larger than 10 MB.");
        }
        var safeName = Path.GetFileName(fileName).Replace("\"", "", StringComparison.Ordinal);
        var ext = Path.GetExtension(safeName).ToLowerInvariant();
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || span.StartsWith("GIF8"u8)
            || (span.Length > 12 && span[..4].SequenceEqual("RIFF"u8) && span.Slice(8, 4).SequenceEqual("WEBP"u8)))
        {
            return ReencodeImage(safeName, content);
        }
        if (span.StartsWith("%PDF-"u8) && ext == ".pdf")
        {
            return (new Accepted(content, "application/pdf", safeName), null);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && ext is ".docx" or ".xlsx" or ".pptx")
        {
            var type = ext switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            };
            return (new Accepted(content, type, safeName), null);
        }
        return (null, "Only images (JPEG, PNG, GIF, WebP), PDF and Office documents (docx, xlsx, pptx) are accepted; the file's content is not one of them.");
    }

    private static (Accepted?, string?) ReencodeImage(string name, byte[] content)
    {
        try
        {
            using var image = Image.Load(content, out var format);
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            using var output = new MemoryStream();
            var isPng = format.Name == "PNG" || format.Name == "GIF";
            if (isPng)
            {
                image.Save(output, new PngEncoder());
            }
            else
            {
                image.Save(output, new JpegEncoder { Quality = 85 });
            }
            var newName = Path.ChangeExtension(name, isPng ? ".png" : ".jpg");
            return (new Accepted(output.ToArray(), isPng ? "image/png" : "image/jpeg", newName), null);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return (null, "The image could not be read.");
        }
    }
}
