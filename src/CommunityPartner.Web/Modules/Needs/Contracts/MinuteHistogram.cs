namespace CommunityPartner.Web.Modules.Needs.Contracts;

/// <summary>
/// A histogram of whole minutes → how many, kept in two levels (ADR 0014): how many fall in each hour (minutes
/// 60h … 60h + 59), and within each hour how many per minute. Summing many histograms and finding a median reads the
/// hour counts of all of them and the minutes of the one or two hours the median falls in only, yet is exact to the
/// minute. Immutable; stored as its <see cref="ToBytes"/> (a cell's minutes are decoded only when asked for), or in two
/// parts (ADR 0014, format v4): the hour counts (<see cref="HoursToBytes"/>) apart from each hour's minute block
/// (<see cref="MinutesOfHour"/>), so a read of many cells fetches the hour counts and then the blocks of the median's
/// hour(s) only (<see cref="FromHours"/>, then <see cref="LoadMinutesOf"/> before the histogram is handed out).
/// </summary>
public sealed class MinuteHistogram
{
    public static readonly MinuteHistogram Empty = new([], [], [], [], 0);

    // Read from its hour counts alone (FromHours): per hour, its minute block once loaded (null until then); null when
    // every block is in `minutes`.
    private readonly byte[]?[]? loaded;

    // Hours ascending, each with its count and where its minutes start in `minutes` (the block ends where the next begins).
    private readonly int[] hours;
    private readonly long[] hourCounts;
    private readonly int[] blockStart;

    // Per hour, minutes ascending: the minute within the hour (0–59) as a byte, then its count as a varint.
    private readonly byte[] minutes;

    private MinuteHistogram(int[] hours, long[] hourCounts, int[] blockStart, byte[] minutes, long total)
    {
        this.hours = hours;
        this.hourCounts = hourCounts;
        this.blockStart = blockStart;
        this.minutes = minutes;
        Total = total;
    }

    private MinuteHistogram(int[] hours, long[] hourCounts, long total)
        : this(hours, hourCounts, new int[hours.Length], [], total)
    {
        loaded = new byte[]?[hours.Length];
    }

    /// <summary>How many values in all.</summary>
    public long Total { get; }

    /// <summary>How many hours hold values.</summary>
    public int HourCount => hours.Length;

    /// <summary>The <paramref name="index"/>-th hour holding values (ascending; hour h holds minutes 60h … 60h + 59).</summary>
    public int HourAt(int index) => hours[index];

    /// <summary>How many values the <paramref name="index"/>-th hour holds.</summary>
    public long CountAt(int index) => hourCounts[index];

    /// <summary>The hour a whole minute falls in (rounding down, also for negative minutes).</summary>
    public static int HourOf(int minute) => (int)Math.Floor(minute / 60.0);

    public static MinuteHistogram Of(IReadOnlyDictionary<int, int> histogram)
    {
        var sorted = histogram.Where(m => m.Value > 0).OrderBy(m => m.Key).ToList();
        if (sorted.Count == 0)
        {
            return Empty;
        }

        var hours = new List<int>();
        var counts = new List<long>();
        var starts = new List<int>();
        var bytes = new List<byte>(sorted.Count * 2);
        foreach (var (minute, count) in sorted)
        {
            var hour = HourOf(minute);
            if (hours.Count == 0 || hours[^1] != hour)
            {
                hours.Add(hour);
                counts.Add(0);
                starts.Add(bytes.Count);
            }

            counts[^1] += count;
            bytes.Add((byte)(minute - (hour * 60)));
            Write(bytes, (ulong)count);
        }

        return new([.. hours], [.. counts], [.. starts], [.. bytes], counts.Sum());
    }

    /// <summary>Every minute and its count (for checks and tests; a median needs <see cref="AddMinutesOf"/> only).</summary>
    public IReadOnlyDictionary<int, int> ToMinutes()
    {
        var all = new Dictionary<int, int>();
        Span<long> perMinute = stackalloc long[60];
        foreach (var hour in hours)
        {
            perMinute.Clear();
            AddMinutesOf(hour, perMinute);
            for (var m = 0; m < 60; m++)
            {
                if (perMinute[m] > 0)
                {
                    all[(hour * 60) + m] = (int)perMinute[m];
                }
            }
        }

        return all;
    }

    /// <summary>Adds to <paramref name="perMinute"/>[m] how many values are minute m of <paramref name="hour"/> (nothing if the hour holds none).</summary>
    /// <remarks>Throws for an hour holding values whose minutes were not loaded (<see cref="FromHours"/>): a read must
    /// load the minutes of every hour it sums, it never guesses them.</remarks>
    public void AddMinutesOf(int hour, Span<long> perMinute)
    {
        var index = Array.BinarySearch(hours, hour);
        if (index < 0)
        {
            return;
        }

        var block = minutes;
        int at = blockStart[index], end = index + 1 < blockStart.Length ? blockStart[index + 1] : minutes.Length;
        if (loaded is not null)
        {
            block = loaded[index] ?? throw new InvalidOperationException($"The minutes of hour {hour} were not loaded.");
            (at, end) = (0, block.Length);
        }

        while (at < end)
        {
            var minute = block[at++];
            perMinute[minute] += (long)Read(block, ref at);
        }
    }

    /// <summary>Whether <see cref="AddMinutesOf"/> can sum the minutes of <paramref name="hour"/> (true when it holds none).</summary>
    public bool HasMinutesOf(int hour)
    {
        var index = Array.BinarySearch(hours, hour);
        return index < 0 || loaded is null || loaded[index] is not null;
    }

    /// <summary>
    /// The hour counts without the minutes: the number of hours, then per hour its gap from the previous (the first
    /// zigzag-encoded) and its count, as varints. Read back by <see cref="FromHours"/>.
    /// </summary>
    public byte[] HoursToBytes()
    {
        var bytes = new List<byte>((hours.Length * 3) + 4);
        Write(bytes, (ulong)hours.Length);
        for (var i = 0; i < hours.Length; i++)
        {
            Write(bytes, i == 0 ? (ulong)(uint)((hours[0] << 1) ^ (hours[0] >> 31)) : (ulong)(hours[i] - hours[i - 1]));
            Write(bytes, (ulong)hourCounts[i]);
        }

        return [.. bytes];
    }

    /// <summary>The minute block of the <paramref name="index"/>-th hour (as <see cref="LoadMinutesOf"/> takes it back).</summary>
    public byte[] MinutesOfHour(int index)
    {
        if (loaded is not null)
        {
            return loaded[index] ?? throw new InvalidOperationException($"The minutes of hour {hours[index]} were not loaded.");
        }

        return minutes[blockStart[index]..(index + 1 < blockStart.Length ? blockStart[index + 1] : minutes.Length)];
    }

    /// <summary>Reads <see cref="HoursToBytes"/>: the hour counts, no minutes until <see cref="LoadMinutesOf"/> gives them.</summary>
    public static MinuteHistogram FromHours(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return Empty;
        }

        var at = 0;
        var n = (int)Read(bytes, ref at);
        if (n == 0)
        {
            return Empty;
        }

        var hours = new int[n];
        var counts = new long[n];
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            var value = Read(bytes, ref at);
            hours[i] = i == 0 ? (int)((uint)value >> 1) ^ -(int)(value & 1) : hours[i - 1] + (int)value;
            counts[i] = (long)Read(bytes, ref at);
            total += counts[i];
        }

        return new(hours, counts, total);
    }

    /// <summary>
    /// Gives a histogram read by <see cref="FromHours"/> the minute block of <paramref name="hour"/>
    /// (<see cref="MinutesOfHour"/>). Only the reader that made it calls this, before handing it out.
    /// </summary>
    public void LoadMinutesOf(int hour, byte[] block)
    {
        var index = Array.BinarySearch(hours, hour);
        if (loaded is null || index < 0)
        {
            throw new InvalidOperationException($"Hour {hour} holds no values to load, or its minutes are held already.");
        }

        loaded[index] = block;
    }

    /// <summary>
    /// The stored form: the number of hours, then per hour its gap from the previous (the first zigzag-encoded), its
    /// count and the length of its minute block, as varints; then the minute blocks.
    /// </summary>
    public byte[] ToBytes()
    {
        if (loaded is not null)
        {
            throw new InvalidOperationException("A histogram read from its hour counts has not all its minutes.");
        }

        var bytes = new List<byte>((hours.Length * 4) + minutes.Length + 4);
        Write(bytes, (ulong)hours.Length);
        for (var i = 0; i < hours.Length; i++)
        {
            Write(bytes, i == 0 ? (ulong)(uint)((hours[0] << 1) ^ (hours[0] >> 31)) : (ulong)(hours[i] - hours[i - 1]));
            Write(bytes, (ulong)hourCounts[i]);
            Write(bytes, (ulong)((i + 1 < hours.Length ? blockStart[i + 1] : minutes.Length) - blockStart[i]));
        }

        bytes.AddRange(minutes);
        return [.. bytes];
    }

    /// <summary>Reads <see cref="ToBytes"/>: the hour counts now, the minutes when asked for.</summary>
    public static MinuteHistogram FromBytes(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return Empty;
        }

        var at = 0;
        var n = (int)Read(bytes, ref at);
        var hours = new int[n];
        var counts = new long[n];
        var starts = new int[n];
        var start = 0;
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            var value = Read(bytes, ref at);
            hours[i] = i == 0 ? (int)((uint)value >> 1) ^ -(int)(value & 1) : hours[i - 1] + (int)value;
            counts[i] = (long)Read(bytes, ref at);
            total += counts[i];
            starts[i] = start;
            start += (int)Read(bytes, ref at);
        }

        return new(hours, counts, starts, bytes[at..], total);
    }

    private static void Write(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static ulong Read(byte[] bytes, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }
}
