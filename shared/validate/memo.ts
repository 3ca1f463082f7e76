/**
 * Results of pure text functions kept by their input text, across sheets and workbooks: every unit
 * copies the same plan, so a batch of a thousand workbooks holds a few hundred distinct texts, each
 * read thousands of times. The functions memoised are pure, so a kept result is the result; callers
 * that hand out objects copy them first. Bounded by total characters kept: when full it is emptied
 * and fills again, so endless distinct texts (a hostile file) cost bounded memory and a lookup each.
 */
export class TextMemo<T> {
  private readonly kept = new Map<string, T>();
  private chars = 0;

  /**
   * @param maxChars total length of the texts kept before emptying
   * @param maxKey longer texts are computed every time, never kept
   */
  constructor(private readonly maxChars: number, private readonly maxKey = 1000) {}

  get(text: string, compute: (text: string) => T): T {
    if (text.length > this.maxKey) return compute(text);
    const hit = this.kept.get(text);
    if (hit !== undefined || this.kept.has(text)) return hit as T;
    const value = compute(text);
    if (this.chars + text.length > this.maxChars) {
      this.kept.clear();
      this.chars = 0;
    }
    this.kept.set(text, value);
    this.chars += text.length;
    return value;
  }
}
