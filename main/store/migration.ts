/** A numbered schema step of one feature, e.g. `till/001`. Applied once, in registry order. */
export interface Migration {
  id: string;
  sql: string;
}
