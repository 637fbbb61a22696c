/** A column of a table of figures: numbers align right so their digits line up. */
export interface FigureColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

/** One row: its cells as written on screen, by column key; the first column is the row's header. */
export type FigureRow = Record<string, string>;
