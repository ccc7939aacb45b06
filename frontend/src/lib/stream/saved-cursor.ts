/** The last poll cursor / SSE event id; it resumes only a stream of the same symbols. */
export class SavedCursor {
  private saved: { cursor: string; symbols: string } | null = null;

  save(cursor: string, symbols: readonly string[]): void {
    this.saved = { cursor, symbols: symbols.join(',') };
  }

  for(symbols: readonly string[]): string | null {
    return this.saved?.symbols === symbols.join(',') ? this.saved.cursor : null;
  }
}
