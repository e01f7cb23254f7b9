// A section of a detail panel: a heading with a count, then the items as a plain list, or a muted line when empty.
import type { ReactNode } from 'react';

interface DetailListSectionProps<Item> {
  title: string;
  items: readonly Item[];
  /** Said instead of the list when there are no items. */
  emptyText: string;
  keyOf: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
}

export function DetailListSection<Item>({ title, items, emptyText, keyOf, renderItem }: DetailListSectionProps<Item>) {
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={keyOf(item)}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
