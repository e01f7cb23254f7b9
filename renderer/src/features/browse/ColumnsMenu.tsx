// "Columns": show or hide each column of a table (one always stays).
import { humaniseName } from '../../format/labels';
import type { ColumnLayout } from './useColumnLayout';

export function ColumnsMenu({ columns, layout }: { columns: string[]; layout: ColumnLayout }) {
  const shown = columns.length - layout.hidden.size;
  return (
    <details className="columns-menu">
      <summary>
        Columns ({shown} of {columns.length})
      </summary>
      <fieldset>
        <legend className="visually-hidden">Columns shown</legend>
        {columns.map((column) => {
          const visible = !layout.hidden.has(column);
          return (
            <label key={column} className="choice">
              <input
                type="checkbox"
                checked={visible}
                disabled={visible && shown === 1}
                onChange={(event) => layout.setHidden(column, !event.target.checked)}
              />
              {humaniseName(column)}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
