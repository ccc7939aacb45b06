using StockStream.Protocol;

namespace StockStream.Server.Transports.Http;

/// <summary>The JSON shape of a poll answer, for the OpenAPI document; answers themselves are written by <see cref="PollAnswerWriter"/>.</summary>
public sealed record PollAnswerDocument(string Cursor, Tick[] Ticks, bool Missed, Quote[] Quotes, string Market, string Epoch);
