// The header row of a data table: one column header per title. A `{ hidden }` title is read by screen readers only
// (a column of buttons needs a name, not a visible heading).
type ColumnTitle = string | { hidden: string };

export function TableHead({ titles }: { titles: readonly ColumnTitle[] }) {
  return (
    <thead>
      <tr>
        {titles.map((title) =>
          typeof title === 'string' ? (
            <th key={title} scope="col">
              {title}
            </th>
          ) : (
            <th key={title.hidden} scope="col">
              <span className="visually-hidden">{title.hidden}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
