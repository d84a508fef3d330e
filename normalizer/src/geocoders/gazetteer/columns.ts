/**
 * A column of numbers that grows as rows are read, doubling its typed array when full: a city's million points in a
 * few flat arrays rather than a million objects for the collector to walk.
 */
export class GrowingColumn<T extends Float64Array | Uint32Array> {
  private values: T;
  length = 0;

  constructor(private readonly make: (capacity: number) => T) {
    this.values = make(1024);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = this.make(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }

  /** The values pushed, in an array of their own length (the spare capacity is let go). */
  finish(): T {
    return this.values.slice(0, this.length) as T;
  }
}
