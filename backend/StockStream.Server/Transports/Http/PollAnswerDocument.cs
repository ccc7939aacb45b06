using StockStream.Protocol;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// The JSON shape of a poll answer, for the OpenAPI document; answers themselves are written by
/// StockStream.Protocol's PollAnswerFormat.
/// </summary>
public sealed record PollAnswerDocument(string Cursor, Tick[] Ticks, bool Missed, Quote[] Quotes, string Market, string Epoch, long ServerTime);
