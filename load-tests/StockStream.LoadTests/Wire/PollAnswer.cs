namespace StockStream.LoadTests.Wire;

/// <summary>What a poll answer (or SSE event) said besides its ticks: the next cursor, whether ticks were missed, how many ticks it held.</summary>
public readonly record struct PollAnswer(string? Cursor, bool Missed, int Ticks);
