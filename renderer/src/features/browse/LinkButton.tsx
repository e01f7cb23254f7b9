// A button styled as a link that opens another record in the detail panel.
import type { DetailSelection, OpenDetail } from './detailSelection';

export function LinkButton({ target, open }: { target: DetailSelection; open: OpenDetail }) {
  return (
    <button type="button" className="button-link" onClick={() => open(target)}>
      {target.name || target.id}
    </button>
  );
}
