// Counts the records of a CSV file fed in chunks of bytes, without decoding or keeping them: a record ends at a line
// feed outside quotes, so a quoted cell holding line breaks is one record, not several lines. RFC 4180 quoting needs
// only one bit of state: every `"` flips "inside quotes" (a doubled `""` inside a cell flips it twice).

const QUOTE = 0x22;
const LF = 0x0a;

export class CsvRecordCounter {
  private insideQuotes = false;
  private recordEnds = 0;
  private sawBytes = false;
  private endsAtRecordEnd = false;

  push(chunk: Uint8Array): void {
    const length = chunk.length;
    if (length === 0) return;
    this.sawBytes = true;
    let insideQuotes = this.insideQuotes;
    let recordEnds = this.recordEnds;
    for (let i = 0; i < length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) insideQuotes = !insideQuotes;
      else if (byte === LF && !insideQuotes) recordEnds++;
    }
    this.insideQuotes = insideQuotes;
    this.recordEnds = recordEnds;
    this.endsAtRecordEnd = chunk[length - 1] === LF && !insideQuotes;
  }

  /** Records in all (the header included); a last record without a line end counts too. */
  get records(): number {
    if (!this.sawBytes) return 0;
    return this.recordEnds + (this.endsAtRecordEnd ? 0 : 1);
  }

  /** Data records: all records but the header. */
  get dataRows(): number {
    return Math.max(0, this.records - 1);
  }
}
