using StockStream.Protocol;

namespace StockStream.Server.Transports.Rest;

/// <summary>Folds ticks (oldest first) into OHLCV bars of a fixed interval; buckets without trades have no bar.</summary>
public static class CandleBuilder
{
    /// <summary>The supported intervals by their query names.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Intervals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["1s"] = TimeSpan.FromSeconds(1),
        ["5s"] = TimeSpan.FromSeconds(5),
        ["1m"] = TimeSpan.FromMinutes(1),
    };

    /// <summary>The newest <paramref name="count"/> bars, oldest first.</summary>
    public static List<Candle> Build(IEnumerable<EncodedTick> ticks, TimeSpan interval, int count)
    {
        long bucketMicros = (long)interval.TotalMicroseconds;
        var candles = new List<Candle>();
        foreach (var encoded in ticks)
        {
            var tick = encoded.Tick;
            long start = tick.Time - tick.Time % bucketMicros;
            long startSeconds = start / 1_000_000;
            if (candles.Count > 0 && candles[^1].Time == startSeconds)
            {
                var bar = candles[^1];
                candles[^1] = bar with
                {
                    High = Math.Max(bar.High, tick.Price),
                    Low = Math.Min(bar.Low, tick.Price),
                    Close = tick.Price,
                    Volume = bar.Volume + tick.Size,
                };
            }
            else
            {
                candles.Add(new Candle(startSeconds, tick.Price, tick.Price, tick.Price, tick.Price, tick.Size));
            }
        }
        if (candles.Count > count) candles.RemoveRange(0, candles.Count - count);
        return candles;
    }
}
