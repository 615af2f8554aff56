namespace SmtpLsp.Metabase.Tests.TextStore;

/// <summary>Random texts and edits that stress line breaks: CR/LF pairs split and joined, surrogate pairs, empty text.</summary>
internal static class TextEdits
{
    private static readonly string[] Pieces =
    [
        "a", "xyz", "\r", "\n", "\r\n", "\n\r", "\t<Key Location=\"/LM\">", "\uD83D\uDE00", "\uD83D", "\uDE00", "é",
        "\r\n\r\n", "\r\r", "\n\n",
    ];

    /// <summary>A text of roughly <paramref name="length"/> characters made of short lines and break clusters.</summary>
    public static string RandomText(Random random, int length)
    {
        var builder = new System.Text.StringBuilder(length + 32);
        while (builder.Length < length) builder.Append(Pieces[random.Next(Pieces.Length)]);
        return builder.ToString();
    }

    /// <summary>A replaced range of <paramref name="textLength"/> characters and the text put there.</summary>
    public static (int Start, int Length, string Inserted) RandomEdit(Random random, int textLength)
    {
        int start = random.Next(textLength + 1);
        int kind = random.Next(10);
        int length = kind switch
        {
            0 => textLength - start,                                // delete to the end
            1 => Math.Min(textLength - start, random.Next(40_000)), // a large deletion, across chunks and blocks
            _ => Math.Min(textLength - start, random.Next(4)),
        };
        string inserted = random.Next(12) switch
        {
            0 => "",
            1 => RandomText(random, random.Next(20_000, 70_000)), // a paste larger than a chunk
            2 => RandomText(random, random.Next(1, 3000)),
            _ => Pieces[random.Next(Pieces.Length)],
        };
        if (random.Next(30) == 0) (start, length) = (0, textLength); // the whole text replaced
        return (start, length, inserted);
    }
}
