// The CSV files of a bundle as parts: one file per kind (`entities.csv`), or with --split-rows N parts of at most N
// data rows each, every one with the header (`entities.part-001.csv`, `entities.part-002.csv`, …). The parts of a kind
// are validated as the one file they stand for and published under the upload names, or the `.invalid` ones.
import path from 'node:path';
import { BUNDLE_FILE_NAMES, invalidNameOf, type BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import type { Finding, ValidatedFile, ValidationReport } from '../../../shared/balkanid/findings';
import type { AtomicCsvFile, CsvFileSummary } from '../balkanid/atomicCsvFile';

/** One kind's parts in order, as written (finished before they are checked). */
export interface WrittenCsv {
  kind: BundleCsvFile;
  parts: { file: AtomicCsvFile; name: string }[];
}

/** A part's upload name: the kind's file name, with `.part-NNN` before `.csv` when the file is split. */
export function partFileName(kind: BundleCsvFile, index: number | null): string {
  const name = BUNDLE_FILE_NAMES[kind];
  return index === null ? name : name.replace(/\.csv$/, `.part-${String(index + 1).padStart(3, '0')}.csv`);
}

/**
 * Hands out `items` in parts of at most `size` (all of them in one part when null), lazily: each part must be read to
 * its end before the next is asked for. There is always a first part, empty when there are no items.
 */
export function* splitIntoParts<T>(items: Iterable<T>, size: number | null): Generator<Iterable<T>> {
  if (size === null) {
    yield items; // one part: the items themselves, without a generator step per row
    return;
  }
  const iterator = items[Symbol.iterator]();
  try {
    let next = iterator.next();
    do {
      yield (function* () {
        for (let taken = 0; !next.done && taken < size; taken++) {
          yield next.value;
          next = iterator.next();
        }
      })();
    } while (!next.done);
  } finally {
    iterator.return?.(); // stopped early (an error, a cancel): a SQLite statement must not stay open
  }
}

/** The names the checked parts get in the folder, and the way from a finding back to the file it is in. */
export class PublishedNames {
  private readonly byTempName = new Map<string, string>();

  constructor(
    private readonly written: readonly WrittenCsv[],
    readonly keptAsInvalid: boolean,
  ) {
    // A finding names its part by the part's upload name (checked as written) or its temporary file (read back).
    for (const { parts } of written)
      for (const part of parts) {
        this.byTempName.set(path.basename(part.file.tempPath), this.nameOf(part.name));
        this.byTempName.set(part.name, this.nameOf(part.name));
      }
  }

  nameOf(uploadName: string): string {
    return this.keptAsInvalid ? invalidNameOf(uploadName) : uploadName;
  }

  /** Each part's temporary file and its name in the folder, kind by kind. */
  files(): { tempPath: string; name: string }[] {
    return this.written.flatMap(({ parts }) =>
      parts.map((part) => ({ tempPath: part.file.tempPath, name: this.nameOf(part.name) })),
    );
  }

  /** The file a finding is in: its part, or the kind's first (only) file. */
  fileOf(finding: Finding): string {
    if (finding.part !== undefined) return this.byTempName.get(finding.part) ?? finding.part;
    const first = this.written.find((csv) => csv.kind === finding.file)?.parts[0];
    return first ? this.nameOf(first.name) : finding.file;
  }

  /** The report as the user reads it: findings and files under their names in `outDir`, not the temporary ones. */
  reportIn(outDir: string, report: ValidationReport): ValidationReport {
    const files: ValidationReport['files'] = {};
    for (const csv of this.written) {
      const checked: ValidatedFile | undefined = report.files[csv.kind];
      if (checked) files[csv.kind] = { ...checked, path: path.join(outDir, this.nameOf(csv.parts[0]!.name)) };
    }
    const split = (finding: Finding) => (this.written.find((csv) => csv.kind === finding.file)?.parts.length ?? 1) > 1;
    const findings = report.findings.map((finding) =>
      split(finding) ? { ...finding, part: this.fileOf(finding) } : finding,
    );
    return { ...report, files, findings };
  }
}

/** The summaries of each kind's parts (all finished), in order. */
export function partSummaries(written: readonly WrittenCsv[]): Map<BundleCsvFile, CsvFileSummary[]> {
  return new Map(written.map(({ kind, parts }) => [kind, parts.map((part) => part.file.finishedSummary)]));
}
